using System.Text.Json;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;
using Quasar.HwGen.Core.Ir.Package;

namespace Quasar.HwGen.Tests.Ir;

/// <summary>IR packages round-trip exactly; anything truncated, tampered or stale is refused naming the file.</summary>
[TestFixture]
public sealed class IrPackageTests
{
    private TemporaryDirectory _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = new TemporaryDirectory();

    [TearDown]
    public void DeleteDirectory() => _directory.Dispose();

    private string Package => _directory.File("tiny.qir");

    private static void AssertSameGraph(IrGraph actual, IrGraph expected)
    {
        // Records compare arrays by reference, so compare canonical JSON (arrays inline) instead.
        Assert.That(CanonicalJson(actual), Is.EqualTo(CanonicalJson(expected)));
    }

    internal static string CanonicalJson(IrGraph graph) =>
        JsonSerializer.Serialize(graph, new JsonSerializerOptions { IncludeFields = false });

    [Test]
    public void A_written_package_reads_back_identical()
    {
        var graph = TinyGraphs.PatchLinear();

        IrPackage.Write(Package, graph);
        var back = IrPackage.Read(Package);

        AssertSameGraph(back, graph);
        var linear = back.Ops.OfType<LinearOp>().Single();
        Assert.That(linear.Weights, Is.EqualTo(new sbyte[] { 100, -128, 127, 3, -8, 7, 0, 1, 2, -3, 4, -5 }));
        Assert.That(linear.RowIs8Bit, Is.EqualTo(new[] { true, false, false }));
        Assert.That(back.Metadata["purpose"], Is.EqualTo("tests"));
    }

    [Test]
    public void The_graph_json_is_readable_with_snake_case_ops_and_array_references()
    {
        IrPackage.Write(Package, TinyGraphs.PatchLinear());

        var json = File.ReadAllText(Path.Combine(Package, IrPackage.GraphFile));

        Assert.That(json, Does.Contain("\"op\": \"linear\"").And.Contain("\"row_is8_bit\": {").And.Contain("\"blob\":"));
        Assert.That(json, Does.Contain("\"element\": \"int6\""));
    }

    [Test]
    public void An_existing_package_is_not_overwritten_without_consent()
    {
        IrPackage.Write(Package, TinyGraphs.PatchLinear());
        var before = File.ReadAllBytes(Path.Combine(Package, IrPackage.ManifestFile));

        var error = Assert.Throws<IOException>(() => IrPackage.Write(Package, TinyGraphs.PatchLinear() with { Name = "other" }))!;

        Assert.That(error.Message, Does.Contain("already exists").And.Contain("--force"));
        Assert.That(File.ReadAllBytes(Path.Combine(Package, IrPackage.ManifestFile)), Is.EqualTo(before));
    }

    [Test]
    public void Overwriting_with_consent_replaces_the_package_and_leaves_no_temporary_files()
    {
        IrPackage.Write(Package, TinyGraphs.PatchLinear());

        IrPackage.Write(Package, TinyGraphs.PatchLinear() with { Name = "other" }, overwrite: true);

        Assert.That(IrPackage.Read(Package).Name, Is.EqualTo("other"));
        Assert.That(Directory.GetFileSystemEntries(_directory.Path), Is.EqualTo(new[] { Package }));
    }

    [Test]
    public void An_invalid_graph_is_never_written()
    {
        var graph = TinyGraphs.PatchLinear() with { Output = "nothing" };

        Assert.Throws<IrVerificationException>(() => IrPackage.Write(Package, graph));
        Assert.That(Directory.Exists(Package), Is.False);
    }

    [Test]
    public void A_truncated_weights_file_is_refused_with_both_sizes()
    {
        IrPackage.Write(Package, TinyGraphs.PatchLinear());
        var weights = Path.Combine(Package, IrPackage.WeightsFile);
        var bytes = File.ReadAllBytes(weights);
        File.WriteAllBytes(weights, bytes[..^5]);

        var error = Assert.Throws<IrPackageException>(() => IrPackage.Read(Package))!;

        Assert.That(error.Message, Is.EqualTo($"{weights}: is {bytes.Length - 5} bytes, the manifest says {bytes.Length}: the file is truncated or was replaced; regenerate the package"));
    }

    [Test]
    public void A_flipped_weight_byte_is_refused_by_its_checksum()
    {
        IrPackage.Write(Package, TinyGraphs.PatchLinear());
        var weights = Path.Combine(Package, IrPackage.WeightsFile);
        var bytes = File.ReadAllBytes(weights);
        bytes[3] ^= 0x40;
        File.WriteAllBytes(weights, bytes);

        var error = Assert.Throws<IrPackageException>(() => IrPackage.Read(Package))!;

        Assert.That(error.Message, Does.StartWith(weights).And.Contain("differs from the manifest's").And.Contain("was modified"));
    }

    [Test]
    public void An_edited_graph_is_refused_even_when_its_manifest_was_updated_if_it_breaks_the_rules()
    {
        IrPackage.Write(Package, TinyGraphs.PatchLinear());
        var graphPath = Path.Combine(Package, IrPackage.GraphFile);
        var edited = File.ReadAllText(graphPath).Replace("\"in_features\": 4", "\"in_features\": 5", StringComparison.Ordinal);
        File.WriteAllText(graphPath, edited);
        RewriteManifest();

        var error = Assert.Throws<IrVerificationException>(() => IrPackage.Read(Package))!;

        Assert.That(error.Diagnostics.Select(d => d.Code), Does.Contain(IrDiagnosticCodes.ArrayLength));
    }

    [Test]
    public void A_blob_reference_outside_the_weights_is_refused()
    {
        IrPackage.Write(Package, TinyGraphs.PatchLinear());
        var graphPath = Path.Combine(Package, IrPackage.GraphFile);
        var json = File.ReadAllText(graphPath);
        File.WriteAllText(graphPath, System.Text.RegularExpressions.Regex.Replace(json, "\"blob\": \\d+", "\"blob\": 999999"));
        RewriteManifest();

        var error = Assert.Throws<IrPackageException>(() => IrPackage.Read(Package))!;

        Assert.That(error.Message, Does.StartWith(graphPath).And.Contain("lies outside weights.bin"));
    }

    [Test]
    public void A_directory_without_a_manifest_is_not_a_package()
    {
        Directory.CreateDirectory(Package);

        var error = Assert.Throws<IrPackageException>(() => IrPackage.Read(Package))!;

        Assert.That(error.Message, Does.Contain("manifest.json is missing: this is not an IR package"));
    }

    [Test]
    public void A_package_from_another_format_version_is_refused()
    {
        IrPackage.Write(Package, TinyGraphs.PatchLinear());
        var manifest = Path.Combine(Package, IrPackage.ManifestFile);
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"version\": 1", "\"version\": 7", StringComparison.Ordinal));

        var error = Assert.Throws<IrPackageException>(() => IrPackage.Read(Package))!;

        Assert.That(error.Problem, Does.Contain("format version 7; this tool reads version 1"));
    }

    [Test]
    public void A_manifest_naming_a_file_outside_the_package_is_refused()
    {
        IrPackage.Write(Package, TinyGraphs.PatchLinear());
        var manifest = Path.Combine(Package, IrPackage.ManifestFile);
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"name\": \"weights.bin\"", "\"name\": \"../secret\"", StringComparison.Ordinal));

        var error = Assert.Throws<IrPackageException>(() => IrPackage.Read(Package))!;

        Assert.That(error.Problem, Does.Contain("unsafe file '../secret'"));
    }

    private void RewriteManifest()
    {
        // Simulates a careless edit that also refreshed the checksums.
        var entries = new[] { IrPackage.GraphFile, IrPackage.WeightsFile }.Select(name =>
        {
            var bytes = File.ReadAllBytes(Path.Combine(Package, name));
            return new IrManifestEntry(name, bytes.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        }).ToList();
        var manifest = new IrManifest(IrManifest.FormatName, IrManifest.CurrentVersion, entries);
        File.WriteAllText(Path.Combine(Package, IrPackage.ManifestFile),
            JsonSerializer.Serialize(manifest, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
    }
}
