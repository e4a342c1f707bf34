using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Hardware.Resources;

namespace Quasar.HwGen.Codegen.Engine;

/// <summary>The engine a project is generated for, its estimated resources, and how it was sized (for the README and the manifest).</summary>
public sealed record EngineChoice(EngineConfig Config, ResourceUsage Resources, string Sizing);
