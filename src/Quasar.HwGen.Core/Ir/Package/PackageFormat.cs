namespace Quasar.HwGen.Core.Ir.Package;

/// <summary>
/// A kind of checksummed package directory (JSON, a blob file, manifest.json with sizes and SHA-256): the manifest's
/// format name and version, what it is (bare and with its article) and the command that writes one, for the messages.
/// </summary>
public sealed record PackageFormat(string Name, int Version, string Kind, string Noun, string Writer)
{
    /// <summary>An IR package (`quasar lower`).</summary>
    public static readonly PackageFormat Ir = new(IrManifest.FormatName, IrManifest.CurrentVersion, "IR package", "an IR package", "quasar lower");

    /// <summary>A subnet's float weights (`quasar export-weights`), which `quasar lower --weights` reads without libtorch.</summary>
    public static readonly PackageFormat SubnetWeights = new("quasar-subnet-weights", 1, "subnet weights export", "a subnet weights export", "quasar export-weights");
}
