namespace Quasar.HwGen.Codegen.Project;

/// <summary>One generated file in quasar-project.json: its path in the project ('/'-separated), size and SHA-256.</summary>
public sealed record ProjectFileEntry(string Path, long Bytes, string Sha256);
