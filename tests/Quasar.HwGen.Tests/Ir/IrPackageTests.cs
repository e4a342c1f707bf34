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

        Assert.That(error.Message, Is.EqualTo($"{weights}: SHA-256 {Sha256(bytes)} differs from the manifest's {ManifestSha256(IrPackage.WeightsFile)}: the file was modified after it was written; regenerate the package"));
    }

    [Test]
    public void A_missing_weights_file_is_refused_naming_it()
    {
        IrPackage.Write(Package, TinyGraphs.PatchLinear());
        var weights = Path.Combine(Package, IrPackage.WeightsFile);
        File.Delete(weights);

        var error = Assert.Throws<IrPackageException>(() => IrPackage.Read(Package))!;

        Assert.That(error.Message, Is.EqualTo($"{weights}: listed in the manifest but missing"));
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

        Assert.That(error.Message, Is.EqualTo($"IR verification failed after reading {Package} (2 problem(s)):\n"
            + "  QIR006 embed: input must be 4x5, is 4x4\n"
            + "  QIR007 embed: weights has 12 elements, needs 15"));
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

        Assert.That(error.Message, Is.EqualTo($"{graphPath}: not a valid IR graph: array of 1 x Single at offset 999999 lies outside weights.bin ({WeightsLength} bytes)"));
    }

    [Test]
    public void A_blob_reference_ending_one_byte_past_the_weights_is_refused()
    {
        IrPackage.Write(Package, TinyGraphs.PatchLinear());
        var graphPath = Path.Combine(Package, IrPackage.GraphFile);
        long offset = WeightsLength - 11; // the linear's 12 weights would end one byte past the end
        var json = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(graphPath),
            "(\"weights\": \\{\\s*\"blob\": )\\d+", $"${{1}}{offset}");
        File.WriteAllText(graphPath, json);
        RewriteManifest();

        var error = Assert.Throws<IrPackageException>(() => IrPackage.Read(Package))!;

        Assert.That(error.Message, Is.EqualTo($"{graphPath}: not a valid IR graph: array of 12 x SByte at offset {offset} lies outside weights.bin ({WeightsLength} bytes)"));
    }

    [Test]
    public void A_directory_without_a_manifest_is_not_a_package()
    {
        Directory.CreateDirectory(Package);

        var error = Assert.Throws<IrPackageException>(() => IrPackage.Read(Package))!;

        Assert.That(error.Message, Does.Contain("manifest.json is missing: this is not an IR package"));
    }

    [Test]
    public void A_package_from_a_newer_format_version_asks_for_a_newer_quasar()
    {
        IrPackage.Write(Package, TinyGraphs.PatchLinear());
        var manifest = ManifestPath;
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal));

        var error = Assert.Throws<IrPackageException>(() => IrPackage.Read(Package))!;

        Assert.That(error.Message, Is.EqualTo($"{manifest}: format version 2 is newer than version 1, the one this quasar reads: the package was written by a newer quasar; update quasar, or run `quasar lower` again with this one"));
    }

    [Test]
    public void A_newer_manifest_whose_other_fields_changed_is_still_reported_by_its_version()
    {
        IrPackage.Write(Package, TinyGraphs.PatchLinear());
        File.WriteAllText(ManifestPath, """{ "format": "quasar-ir", "version": 2, "parts": { "graph.json": "sha256:..." } }""");

        var error = Assert.Throws<IrPackageException>(() => IrPackage.Read(Package))!;

        Assert.That(error.Problem, Does.StartWith("format version 2 is newer than version 1"));
    }

    [Test]
    public void A_package_from_an_older_format_version_asks_to_lower_again()
    {
        IrPackage.Write(Package, TinyGraphs.PatchLinear());
        var manifest = ManifestPath;
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"version\": 1", "\"version\": 0", StringComparison.Ordinal));

        var error = Assert.Throws<IrPackageException>(() => IrPackage.Read(Package))!;

        Assert.That(error.Message, Is.EqualTo($"{manifest}: format version 0 is older than version 1, the one this quasar reads: re-run `quasar lower` with this quasar to write the package again"));
    }

    [Test]
    public void A_manifest_that_is_not_json_is_refused_naming_it_and_the_position()
    {
        IrPackage.Write(Package, TinyGraphs.PatchLinear());
        File.WriteAllText(ManifestPath, "{ this is not json");

        var error = Assert.Throws<IrPackageException>(() => IrPackage.Read(Package))!;

        Assert.That(error.Message, Is.EqualTo($"{ManifestPath}: malformed manifest: 't' is an invalid start of a property name. Expected a '\"'. Path: $ | LineNumber: 0 | BytePositionInLine: 2."));
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

    private string ManifestPath => Path.Combine(Package, IrPackage.ManifestFile);

    private long WeightsLength => new FileInfo(Path.Combine(Package, IrPackage.WeightsFile)).Length;

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    private string ManifestSha256(string name)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(ManifestPath));
        return manifest.RootElement.GetProperty("files").EnumerateArray()
            .Single(f => f.GetProperty("name").GetString() == name).GetProperty("sha256").GetString()!;
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
