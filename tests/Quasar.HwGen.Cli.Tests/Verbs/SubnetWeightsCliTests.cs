using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Cli.Tests.Support;

namespace Quasar.HwGen.Cli.Tests.Verbs;

/// <summary>
/// `quasar export-weights` and `quasar lower --weights`: a trained subnet exported once lowers without libtorch to the
/// IR `lower --checkpoint` writes, and every defect of an export is one line with its exit code.
/// </summary>
[TestFixture]
public sealed class SubnetWeightsCliTests
{
    private static readonly string Supernet = Path.Combine(Core.RepositoryLayout.Root, "samples", "models", "fashion-mnist-supernet", "supernet.json");
    private static readonly string Shipped = Path.Combine(Core.RepositoryLayout.Root, "samples", "models", "fashion-mnist.largest.weights");

    private WorkDirectory _work = null!;

    [SetUp]
    public void MakeWork() => _work = new WorkDirectory();

    [TearDown]
    public void RemoveWork() => _work.Dispose();

    [Test]
    public void An_export_lowers_to_the_ir_that_lowering_the_checkpoint_writes()
    {
        var export = _work.File("largest.weights");
        var exported = Shell.Run("export-weights", "--checkpoint", Supernet, "--subnet", "largest", "--out", export);
        Assert.That(exported.ExitCode, Is.Zero, exported.ToString());

        var fromExport = _work.File("from-export.qir");
        var fromCheckpoint = _work.File("from-checkpoint.qir");
        Assert.That(Shell.Run("lower", "--weights", export, "--out", fromExport).ExitCode, Is.Zero);
        Assert.That(Shell.Run("lower", "--subnet", "fashion-mnist.largest", "--checkpoint", Supernet, "--out", fromCheckpoint).ExitCode, Is.Zero);

        Assert.That(File.ReadAllBytes(Path.Combine(fromExport, "weights.bin")), Is.EqualTo(File.ReadAllBytes(Path.Combine(fromCheckpoint, "weights.bin"))));
        Assert.That(GraphWithoutItsWeightsSource(fromExport), Is.EqualTo(GraphWithoutItsWeightsSource(fromCheckpoint)));
        Assert.That(File.ReadAllText(Path.Combine(fromExport, "graph.json")), Does.Contain($"export {export}"), "the package says where its weights came from");
    }

    [Test]
    public void The_shipped_export_is_the_shipped_supernets_largest_subnet_and_is_found_by_name()
    {
        var byName = _work.File("by-name.qir");
        var fromCheckpoint = _work.File("from-checkpoint.qir");
        var run = Shell.Run("lower", "--weights", "fashion-mnist.largest", "--out", byName);
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(Shell.Run("lower", "--subnet", "fashion-mnist.largest", "--checkpoint", Supernet, "--out", fromCheckpoint).ExitCode, Is.Zero);

        Assert.That(File.ReadAllBytes(Path.Combine(byName, "weights.bin")), Is.EqualTo(File.ReadAllBytes(Path.Combine(fromCheckpoint, "weights.bin"))),
            "samples/models/fashion-mnist.largest.weights is up to date with the shipped checkpoint");
    }

    [Test]
    public void A_checkpoint_with_a_NaN_weight_is_refused_by_export_weights_and_lower_naming_the_checkpoint()
    {
        var checkpoint = DivergedCheckpoint.Write(_work.Path, block: 1, element: 10);
        const string Expected = "the subnet's blocks[1].fc1.weight[10] is NaN: every parameter must be a finite number: "
            + "the checkpoint holds weights that cannot be lowered (did its training diverge?); use an earlier checkpoint or train again";

        var export = Shell.Run("export-weights", "--checkpoint", checkpoint, "--subnet", "largest", "--out", _work.File("out.weights"));
        var lower = Shell.Run("lower", "--checkpoint", checkpoint, "--subnet", "fashion-mnist.largest", "--out", _work.File("out.qir"));

        foreach (var run in new[] { export, lower })
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
            Assert.That(run.ErrorLines, Is.EqualTo(new[] { $"error: {checkpoint}: {Expected}" }), run.ToString());
        }
        Assert.That(Directory.Exists(_work.File("out.weights")) || Directory.Exists(_work.File("out.qir")), Is.False, "nothing written");
    }

    [Test]
    public void A_checkpoint_weight_beyond_float32_in_lowering_is_refused_by_evaluate_naming_the_checkpoint()
    {
        var checkpoint = DivergedCheckpoint.Write(_work.Path, block: 1, element: 10, value: 3e38f);

        var run = Shell.Run("evaluate", "--checkpoint", checkpoint, "--subnet", "largest", "--count", "4");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1), run.ToString());
        Assert.That(run.ErrorLines[0], Does.StartWith($"error: checkpoint {checkpoint}: blocks.1.mlp.fc1: on the calibration images its outputs reach"), run.ToString());
    }

    [TestCase("missing", ExitCodes.BadInput, "subnet weights export directory not found")]
    [TestCase("flipped byte", ExitCodes.BadInput, "weights.bin: SHA-256 … differs from the manifest's … the file was modified after it was written")]
    [TestCase("truncated", ExitCodes.BadInput, "weights.bin: is … bytes, the manifest says … the file is truncated or was replaced")]
    [TestCase("newer version", ExitCodes.BadInput, "manifest.json: format version 2 is newer than version 1, the one this quasar reads: the package was written by a newer quasar; update quasar, or run `quasar export-weights` again with this one")]
    [TestCase("an ir package", ExitCodes.BadInput, "manifest.json: not a quasar-subnet-weights manifest")]
    [TestCase("another subnet's shapes", ExitCodes.BadInput, "model.json: blocks holds 6 blocks, the subnet has 5: these weights are not of the subnet they name; export them again with quasar export-weights")]
    [TestCase("a null block", ExitCodes.BadInput, "model.json: blocks[3] is null; the export is damaged: export the weights again with quasar export-weights")]
    [TestCase("a negative input step", ExitCodes.BadInput, "model.json: input_step is -1: a learned step must be positive and finite, between 2^-126 and 2^126 … export the weights again with quasar export-weights")]
    [TestCase("a zero query step", ExitCodes.BadInput, "model.json: blocks[3].steps.query is 0: a learned step must be positive and finite … export the weights again")]
    [TestCase("a step without a normal reciprocal", ExitCodes.BadInput, "model.json: head_input_step is 3E+38: a learned step must be … so that its float32 reciprocal is a normal number")]
    [TestCase("a query step far too small", ExitCodes.BadInput, "export … .weights: blocks.3.attn.q: one accumulator unit is … and the output step 1E-30, so the output stage would multiply by … 2^30 or more (QIR021): no trained layer has such steps; check this layer's learned steps, or export the weights again")]
    [TestCase("a weight too large for float32", ExitCodes.BadInput, "export … .weights: blocks.1.mlp.fc1: on the calibration images its outputs reach … beyond float32 … so no Int16 step can hold them: a weight or bias this large cannot be lowered; check the weights (did training diverge?)")]
    [TestCase("an embedding too large for float32", ExitCodes.BadInput, "export … .weights: blocks.0.norm1: on calibration image 0 its output is NaN at element 0: a value of it or before it is beyond float32 … check the weights (did training diverge?)")]
    [TestCase("a NaN weight", ExitCodes.BadInput, "model.json: blocks[1].fc1.weight[10] is NaN: every parameter must be a finite number; the export is damaged: export the weights again with quasar export-weights")]
    [TestCase("an infinite gamma", ExitCodes.BadInput, "model.json: norm_gamma[2] is Infinity: every parameter must be a finite number")]
    [TestCase("another subnet given", ExitCodes.BadInput, "--subnet quasar-s-like is not the subnet of --weights … leave --subnet out to lower the export's own")]
    [TestCase("checkpoint too", ExitCodes.Usage, "--weights and --checkpoint both give the weights; give one (--weights needs no libtorch)")]
    [TestCase("a seed too", ExitCodes.Usage, "--seed seeds random weights, but --weights or --checkpoint gives trained ones; leave --seed out")]
    [TestCase("a space too", ExitCodes.Usage, "--space reads the search space of --subnet, but --weights without --subnet lowers the export's own subnet and space; leave --space out")]
    [TestCase("neither subnet nor weights", ExitCodes.Usage, "--subnet is required (a subnet YAML or sample name), unless --weights gives an export")]
    public void A_bad_export_or_option_is_one_line_with_its_exit_code(string defect, int code, string message)
    {
        var export = _work.File("bad.weights");
        CopyDirectory(Shipped, export);
        string[] extra = [];
        switch (defect)
        {
            case "missing": Directory.Delete(export, recursive: true); break;
            case "flipped byte": Flip(Path.Combine(export, "weights.bin"), 1000); break;
            case "truncated": Truncate(Path.Combine(export, "weights.bin")); break;
            case "newer version": EditManifest(export, m => m["version"] = 2); break;
            case "an ir package": EditManifest(export, m => m["format"] = "quasar-ir"); break;
            case "another subnet's shapes": ReplaceModelText(export, "depth: 6", "depth: 5", "  - {heads: 3, mlp_ratio: 4.0, qkv_row_8bit: 1.0, proj_row_8bit: 1.0, fc1_row_8bit: 1.0, fc2_row_8bit: 1.0}\n"); break;
            case "a null block": EditModel(export, m => m["blocks"]!.AsArray()[3] = null); break;
            case "a negative input step": EditModel(export, m => m["input_step"] = -1); break;
            case "a zero query step": EditModel(export, m => m["blocks"]![3]!["steps"]!["query"] = 0); break;
            case "a step without a normal reciprocal": EditModel(export, m => m["head_input_step"] = 3e38); break;
            case "a query step far too small": EditModel(export, m => m["blocks"]![3]!["steps"]!["query"] = 1e-30); break;
            case "a weight too large for float32": SetValue(export, m => m["blocks"]![1]!["fc1"]!["weight"]!, 10, 3e38f); break;
            case "an embedding too large for float32":
                SetValue(export, m => m["class_token"]!, 0, 3e38f);
                SetValue(export, m => m["position_embedding"]!, 0, 3e38f);
                break;
            case "a NaN weight": SetValue(export, m => m["blocks"]![1]!["fc1"]!["weight"]!, 10, float.NaN); break;
            case "an infinite gamma": SetValue(export, m => m["norm_gamma"]!, 2, float.PositiveInfinity); break;
            case "another subnet given": extra = ["--subnet", "quasar-s-like"]; break;
            case "checkpoint too": extra = ["--checkpoint", Supernet]; break;
            case "a seed too": extra = ["--seed", "3"]; break;
            case "a space too": extra = ["--space", "quasar-s-like"]; break;
        }
        string[] arguments = defect == "neither subnet nor weights"
            ? ["lower", "--out", _work.File("out.qir")]
            : ["lower", "--weights", export, "--out", _work.File("out.qir"), .. extra];

        var run = Shell.Run(arguments);

        Assert.That(run.ExitCode, Is.EqualTo(code), run.ToString());
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1), run.ToString());
        Assert.That(run.ShowsStackTrace, Is.False);
        int at = 0;
        foreach (var part in message.Split('…'))
        {
            at = run.ErrorLines[0].IndexOf(part.Trim(), at, StringComparison.Ordinal);
            Assert.That(at, Is.GreaterThanOrEqualTo(0), $"'{part.Trim()}' in: {run.ErrorLines[0]}");
        }
        Assert.That(Directory.Exists(_work.File("out.qir")), Is.False, "nothing written");
    }

    private static string GraphWithoutItsWeightsSource(string package) =>
        string.Join('\n', File.ReadAllLines(Path.Combine(package, "graph.json")).Where(l => !l.TrimStart().StartsWith("\"weights\":", StringComparison.Ordinal)));

    private static void Flip(string file, int offset)
    {
        var bytes = File.ReadAllBytes(file);
        bytes[offset] ^= 0x40;
        File.WriteAllBytes(file, bytes);
    }

    private static void Truncate(string file)
    {
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..^100]);
    }

    private static void EditManifest(string export, Action<JsonObject> edit)
    {
        var path = Path.Combine(export, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(manifest);
        File.WriteAllText(path, manifest.ToJsonString());
    }

    /// <summary>Edits model.json as JSON and re-signs it, so that the value checks, not the checksums, see the edit.</summary>
    private static void EditModel(string export, Action<JsonObject> edit)
    {
        var path = Path.Combine(export, "model.json");
        var model = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(model);
        File.WriteAllText(path, model.ToJsonString());
        Resign(export, "model.json");
    }

    /// <summary>Overwrites element <paramref name="index"/> of a float array (out of line in weights.bin) and re-signs weights.bin.</summary>
    private static void SetValue(string export, Func<JsonObject, JsonNode> array, int index, float value)
    {
        var reference = array(JsonNode.Parse(File.ReadAllText(Path.Combine(export, "model.json")))!.AsObject());
        var path = Path.Combine(export, "weights.bin");
        var bytes = File.ReadAllBytes(path);
        BitConverter.TryWriteBytes(bytes.AsSpan((int)reference["blob"]! + (index * sizeof(float))), value);
        File.WriteAllBytes(path, bytes);
        Resign(export, "weights.bin");
    }

    /// <summary>Edits model.json's text and re-signs it in the manifest, as a tool that rewrote it consistently would.</summary>
    private static void ReplaceModelText(string export, string from, string to, string removeOnce)
    {
        var path = Path.Combine(export, "model.json");
        var text = File.ReadAllText(path);
        var yamlRemove = JsonEncoded(removeOnce);
        int layer = text.IndexOf(yamlRemove, StringComparison.Ordinal);
        Assert.That(layer, Is.GreaterThanOrEqualTo(0), "the export's subnet YAML holds the layer line");
        text = text.Remove(layer, yamlRemove.Length).Replace(JsonEncoded(from), JsonEncoded(to), StringComparison.Ordinal);
        File.WriteAllText(path, text);
        Resign(export, "model.json");
    }

    /// <summary>Writes a file's new size and SHA-256 into the manifest, as a tool that rewrote it consistently would.</summary>
    private static void Resign(string export, string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(export, name));
        EditManifest(export, manifest =>
        {
            var entry = manifest["files"]!.AsArray().Select(f => f!.AsObject()).Single(f => (string?)f["name"] == name);
            entry["bytes"] = bytes.Length;
            entry["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes));
        });
    }

    private static string JsonEncoded(string text) => System.Text.Json.JsonSerializer.Serialize(text)[1..^1];

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
