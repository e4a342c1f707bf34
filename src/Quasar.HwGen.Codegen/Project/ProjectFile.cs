namespace Quasar.HwGen.Codegen.Project;

/// <summary>One file to write into the project: its path ('/'-separated, relative to the project) and its bytes.</summary>
public sealed record ProjectFile(string Path, byte[] Content);
