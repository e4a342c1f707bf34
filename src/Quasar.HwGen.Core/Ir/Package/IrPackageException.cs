namespace Quasar.HwGen.Core.Ir.Package;

/// <summary>An IR package that cannot be read: missing, truncated, tampered with, or from another format version.</summary>
public sealed class IrPackageException(string path, string problem, Exception? inner = null)
    : IOException($"{path}: {problem}", inner)
{
    public string PackagePath { get; } = path;

    public string Problem { get; } = problem;
}
