using System.Buffers.Binary;
using System.Text.RegularExpressions;

namespace Quasar.HwGen.Tests.Hls;

/// <summary>
/// testbench.h end to end: tests/cpp/testbench_test.cpp writes golden files (QGV2) for a small engine and then acts
/// as the generated testbench, the way Vitis csim runs it.
/// </summary>
[TestFixture]
[Category("NeedsGpp")]
public sealed partial class TestbenchTests
{
    private TemporaryDirectory _directory = null!;
    private HlsCppProgram _program = null!;
    private string _flipLine = "";

    [OneTimeSetUp]
    public void BuildAndWriteGoldenFiles()
    {
        _directory = new TemporaryDirectory();
        _program = HlsCppProgram.Build("testbench_test", _directory.Path);
        var (exitCode, output) = _program.Run("write", _directory.Path);
        Assert.That(exitCode, Is.Zero, output);
        _flipLine = output.Split('\n').Single(l => l.StartsWith("FLIP ", StringComparison.Ordinal));
    }

    [OneTimeTearDown]
    public void DeleteDirectory() => _directory.Dispose();

    private string Model => _directory.File("model.qgv");

    [Test]
    public void Correct_outputs_pass_with_the_call_count()
    {
        var (exitCode, output) = _program.Run(Model);

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output.Trim(), Is.EqualTo("PASS 6 calls"));
    }

    [Test]
    public void Several_files_add_up_their_calls()
    {
        var (exitCode, output) = _program.Run(Model, Model);

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output.Trim(), Is.EqualTo("PASS 12 calls"));
    }

    [Test]
    public void A_changed_expected_byte_is_reported_with_layer_tensor_image_and_index()
    {
        var flip = FlipPattern().Match(_flipLine);
        Assert.That(flip.Success, Is.True, _flipLine);
        int offset = int.Parse(flip.Groups["offset"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var bytes = File.ReadAllBytes(Model);
        short original = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(offset));
        bytes[offset] ^= 0xFF;
        short corrupted = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(offset));
        string path = _directory.File("flipped.qgv");
        File.WriteAllBytes(path, bytes);

        var (exitCode, output) = _program.Run(path);

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(output.Trim(), Is.EqualTo(
            $"MISMATCH layer={flip.Groups["layer"].Value} tensor={flip.Groups["tensor"].Value} image=1 index=1,2,3 expected={corrupted} got={original}"));
        Assert.That(flip.Groups["layer"].Value, Is.EqualTo("blocks.0.attn.scores"));
    }

    [Test]
    public void A_truncated_file_is_named_with_what_is_missing()
    {
        var bytes = File.ReadAllBytes(Model);
        string path = _directory.File("truncated.qgv");
        File.WriteAllBytes(path, bytes[..(bytes.Length - 3)]);

        var (exitCode, output) = _program.Run(path);

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(output, Does.StartWith($"ERROR golden file {path}: call 5 (op blocks.0.attn.context, image 1): "));
        Assert.That(output, Does.Contain("expected output").And.Contain("truncated"));
        Assert.That(output, Does.Not.Contain("PASS"));
    }

    [Test]
    public void A_file_cut_inside_an_op_record_is_reported_without_running_any_call()
    {
        var bytes = File.ReadAllBytes(Model);
        string path = _directory.File("cut.qgv");
        File.WriteAllBytes(path, bytes[..60]);

        var (exitCode, output) = _program.Run(path);

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(output.Trim(), Does.Match($"^ERROR golden file {Regex.Escape(path)}: op 0 \\(blocks.0.mlp.fc1\\): truncated: .* at offset \\d+, only \\d+ remain$"));
    }

    [Test]
    public void A_file_that_is_not_a_golden_file_is_refused()
    {
        string path = _directory.File("other.qgv");
        File.WriteAllBytes(path, "QGVX and more"u8.ToArray());

        var (exitCode, output) = _program.Run(path);

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(output, Does.Contain("not a golden-vector file"));
    }

    [Test]
    public void A_version_1_golden_file_is_refused_with_the_fix()
    {
        string path = _directory.File("v1.qgv");
        File.WriteAllBytes(path, "QGV1\u0001\0\0\0"u8.ToArray());

        var (exitCode, output) = _program.Run(path);

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(output, Does.Contain("a version-1 golden file").And.Contain("quasar generate --force"));
    }

    [Test]
    public void A_nonzero_kernel_status_is_reported_as_a_status_line()
    {
        var (exitCode, output) = _program.Run(_directory.File("status.qgv"));

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(output.Trim(), Is.EqualTo("STATUS layer=blocks.0.mlp.fc1 tensor=blocks.0.mlp.fc1.out image=0 status=1 (k exceeds MAX_REDUCTION)"));
    }

    [Test]
    public void A_kernel_that_writes_outside_its_output_fails_even_when_every_element_is_right()
    {
        var (exitCode, output) = _program.Run("--sloppy", Model);

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(output.Trim(), Is.EqualTo("WRITE_OUTSIDE layer=blocks.0.mlp.fc1 tensor=blocks.0.mlp.fc1.out image=0 offset=-16 (before out1)"));
    }

    [GeneratedRegex(@"^FLIP offset=(?<offset>\d+) layer=(?<layer>\S+) tensor=(?<tensor>\S+) image=1 index=1,2,3$")]
    private static partial Regex FlipPattern();
}
