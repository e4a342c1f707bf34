using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Package;

namespace Quasar.HwGen.Tests.Ir;

/// <summary>A package's manifest.json is checked against its schema before any file it lists is read; so are its parameters.</summary>
[TestFixture]
public sealed class IrManifestValidationTests
{
    private TemporaryDirectory _directory = null!;

    [SetUp]
    public void WritePackage()
    {
        _directory = new TemporaryDirectory();
        IrPackage.Write(Package, TinyGraphs.PatchLinear());
    }

    [TearDown]
    public void DeleteDirectory() => _directory.Dispose();

    private string Package => _directory.File("tiny.qir");

    private string ManifestPath => Path.Combine(Package, IrPackage.ManifestFile);

    private IrPackageException ReadAfterEditingManifest(Action<JsonObject> edit)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(ManifestPath))!.AsObject();
        edit(manifest);
        File.WriteAllText(ManifestPath, manifest.ToJsonString());
        return Assert.Throws<IrPackageException>(() => IrPackage.Read(Package))!;
    }

    [Test]
    public void A_manifest_without_files_is_refused_naming_the_field()
    {
        var error = ReadAfterEditingManifest(m => m.Remove("files"));

        Assert.That(error.Message, Does.StartWith(ManifestPath).And.Contain("'files'"));
        Assert.That(error.Message, Does.Not.Contain("\n"));
    }

    [Test]
    public void Null_files_are_refused_naming_the_field()
    {
        var error = ReadAfterEditingManifest(m => m["files"] = null);

        Assert.That(error.Message, Does.StartWith(ManifestPath).And.Contain("files"));
    }

    [Test]
    public void A_null_entry_is_refused_naming_its_index()
    {
        var error = ReadAfterEditingManifest(m => m["files"]!.AsArray().Add(null));

        Assert.That(error.Problem, Is.EqualTo("files[2] is null; each entry needs name, bytes and sha256"));
    }

    [Test]
    public void A_wrongly_typed_size_is_refused_naming_the_field()
    {
        var error = ReadAfterEditingManifest(m => m["files"]![1]!["bytes"] = "many");

        Assert.That(error.Message, Does.StartWith(ManifestPath).And.Contain("$.files[1].bytes"));
    }

    [Test]
    public void An_entry_without_a_name_is_refused()
    {
        var error = ReadAfterEditingManifest(m => m["files"]![0]!.AsObject().Remove("name"));

        Assert.That(error.Message, Does.StartWith(ManifestPath).And.Contain("'name'"));
    }

    [Test]
    public void A_file_listed_twice_is_refused()
    {
        var error = ReadAfterEditingManifest(m => m["files"]!.AsArray().Add(m["files"]![1]!.DeepClone()));

        Assert.That(error.Problem, Is.EqualTo("files[2].name lists 'weights.bin' a second time"));
    }

    [TestCase("/etc/passwd")]
    [TestCase("..")]
    [TestCase("")]
    public void A_name_outside_the_package_is_refused(string name)
    {
        var error = ReadAfterEditingManifest(m => m["files"]![1]!["name"] = name);

        Assert.That(error.Problem, Does.StartWith($"files[1].name names an unsafe file '{name}'"));
    }

    [Test]
    public void A_negative_size_is_refused()
    {
        var error = ReadAfterEditingManifest(m => m["files"]![1]!["bytes"] = -1);

        Assert.That(error.Problem, Does.StartWith("files[1].bytes is -1"));
    }

    [Test]
    public void A_checksum_that_is_not_sha256_is_refused()
    {
        var error = ReadAfterEditingManifest(m => m["files"]![0]!["sha256"] = "abc");

        Assert.That(error.Problem, Is.EqualTo("files[0].sha256 'abc' is not 64 hexadecimal digits"));
    }

    [Test]
    public void A_size_that_does_not_match_the_file_is_refused_before_it_is_read()
    {
        var error = ReadAfterEditingManifest(m => m["files"]![1]!["bytes"] = long.MaxValue / 2);

        Assert.That(error.Problem, Does.StartWith($"files[1].bytes is {long.MaxValue / 2}"));
    }

    [Test]
    public void A_NaN_written_into_the_weights_is_refused_by_the_verifier_naming_the_op_and_parameter()
    {
        var weights = Path.Combine(Package, IrPackage.WeightsFile);
        var bytes = File.ReadAllBytes(weights);
        int at = bytes.AsSpan().IndexOf(BitConverter.GetBytes(0.01f)); // the first weight scale of the linear op
        Assert.That(at, Is.GreaterThanOrEqualTo(0));
        BitConverter.GetBytes(float.NaN).CopyTo(bytes, at);
        File.WriteAllBytes(weights, bytes);
        RefreshChecksums();

        var error = Assert.Throws<IrVerificationException>(() => IrPackage.Read(Package))!;

        Assert.That(error.Diagnostics.Select(d => d.ToString()), Does.Contain(
            "QIR016 embed: parameter WeightScales[0] is NaN; every parameter must be a finite number (was the model trained to NaN?)"));
    }

    private void RefreshChecksums()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(ManifestPath))!.AsObject();
        foreach (var entry in manifest["files"]!.AsArray())
        {
            var bytes = File.ReadAllBytes(Path.Combine(Package, (string)entry!["name"]!));
            entry["bytes"] = bytes.Length;
            entry["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes));
        }
        File.WriteAllText(ManifestPath, manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
