namespace Quasar.HwGen.Codegen.Project;

/// <summary>The platform in quasar-project.json.</summary>
public sealed record ManifestPlatform(string Name, string Part, string VitisPlatform, double ClockMhz);
