namespace Quasar.HwGen.Core.Ir.Package;

/// <summary>manifest.json: the format version and the size and SHA-256 of every file of the package.</summary>
public sealed record IrManifest(string Format, int Version, IReadOnlyList<IrManifestEntry> Files)
{
    public const string FormatName = "quasar-ir";
    public const int CurrentVersion = 1;
}
