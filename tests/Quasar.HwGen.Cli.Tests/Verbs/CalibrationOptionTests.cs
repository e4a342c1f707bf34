using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Cli.Tests.Support;

namespace Quasar.HwGen.Cli.Tests.Verbs;

/// <summary>
/// `--calibration` through the entry point: `estimate` uses the file's constants (the control LUTs and η move the
/// estimate by what they say), and a malformed, foreign, stale or other-part file is one line naming the file and
/// field, exit 3, no stack trace.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class CalibrationOptionTests
{
    private const string Header = "format: quasar-calibration\nversion: 1\npart: xczu9eg-ffvb1156-2-e\ntop_function: quasar_gemm\ntool_versions: [\"2024.2\"]\n";

    private const string Tail = "residuals: []\nnot_fitted: []\n";

    private WorkDirectory _work = null!;

    [SetUp]
    public void MakeFolder() => _work = new WorkDirectory();

    [TearDown]
    public void RemoveFolder() => _work.Dispose();

    [Test]
    public void Estimate_uses_the_calibrated_resource_costs()
    {
        var file = _work.Write("calibration.yaml", Header + "constants:\n  - name: control_luts\n    default: 6000.0\n    fitted: 16000.0\n" + Tail);

        var plain = Shell.Run("estimate", "--subnet", "fashion-mnist.largest");
        var calibrated = Shell.Run("estimate", "--subnet", "fashion-mnist.largest", "--calibration", file);

        Assert.That(plain.ExitCode, Is.EqualTo(ExitCodes.Success), plain.ToString());
        Assert.That(calibrated.ExitCode, Is.EqualTo(ExitCodes.Success), calibrated.ToString());
        Assert.That(plain.Out, Does.Contain("  control: 0 DSP, 6,000 LUT, 9,000 FF, 0 BRAM_18K"));
        Assert.That(calibrated.Out, Does.Contain("  control: 0 DSP, 16,000 LUT, 9,000 FF, 0 BRAM_18K"));
        // The LUTs do not bind, so the solver keeps its engine and the total moves by exactly the difference.
        Assert.That(Figure(calibrated.Out, "  LUT ") - Figure(plain.Out, "  LUT "), Is.EqualTo(10_000));
        Assert.That(calibrated.Out, Does.Contain($"model calibrated by {file}"));
    }

    [Test]
    public void Estimate_uses_the_calibrated_array_efficiency()
    {
        var file = _work.Write("calibration.yaml", Header + "constants:\n  - name: array_efficiency\n    default: 1.0\n    fitted: 0.5\n" + Tail);

        var plain = Shell.Run("estimate", "--subnet", "fashion-mnist.largest", "--engine", "subnet");
        var calibrated = Shell.Run("estimate", "--subnet", "fashion-mnist.largest", "--engine", "subnet", "--calibration", file);

        Assert.That(calibrated.ExitCode, Is.EqualTo(ExitCodes.Success), calibrated.ToString());
        Assert.That(Figure(calibrated.Out, "FPS "), Is.LessThan(Figure(plain.Out, "FPS ")), "η = 0.5 stretches the array's streaming cycles (ignored, the FPS would be the same)");
    }

    [Test]
    public void Search_sizes_its_engine_with_the_calibrated_costs()
    {
        var file = _work.Write("calibration.yaml", Header + "constants:\n  - name: control_luts\n    default: 6000.0\n    fitted: 150000.0\n" + Tail);
        string[] search = ["search", "--checkpoint", Path.Combine(Core.RepositoryLayout.Samples, "models", "fashion-mnist-supernet", "supernet.json"), "--fps", "2000",
            "--population", "2", "--generations", "1", "--children", "1", "--top-k", "1", "--evaluate-images", "20"];

        var plain = Shell.Run([.. search, "--out", _work.File("plain")]);
        var calibrated = Shell.Run([.. search, "--out", _work.File("calibrated"), "--calibration", file]);

        Assert.That(plain.ExitCode, Is.EqualTo(ExitCodes.Success), plain.ToString());
        Assert.That(calibrated.ExitCode, Is.EqualTo(ExitCodes.Success), calibrated.ToString());
        // 144,000 more control LUTs put the default engine (60,607 LUT) over the 180,892-LUT budget: the solver picks a smaller array, which LUTs bind.
        Assert.That(File.ReadAllText(_work.File("plain/engine.txt")), Does.Contain("FF binds"));
        Assert.That(File.ReadAllText(_work.File("calibrated/engine.txt")), Does.Contain("LUT binds").And.Not.Contain("2,048 DSP units"));
    }

    [Test]
    public void Generate_records_the_calibrated_estimate_in_the_manifest()
    {
        using var inputs = new BadInputs();
        var file = _work.Write("calibration.yaml", Header + "constants:\n  - name: control_luts\n    default: 6000.0\n    fitted: 16000.0\n" + Tail);

        var plain = Shell.Run("generate", "--package", inputs.Package, "--out", _work.File("plain"));
        var calibrated = Shell.Run("generate", "--package", inputs.Package, "--out", _work.File("calibrated"), "--calibration", file);

        Assert.That(plain.ExitCode, Is.EqualTo(ExitCodes.Success), plain.ToString());
        Assert.That(calibrated.ExitCode, Is.EqualTo(ExitCodes.Success), calibrated.ToString());
        var before = Codegen.Project.ProjectManifest.Read(Path.Combine(_work.File("plain"), Codegen.Project.ProjectManifest.FileName)).Engine;
        var after = Codegen.Project.ProjectManifest.Read(Path.Combine(_work.File("calibrated"), Codegen.Project.ProjectManifest.FileName)).Engine;
        Assert.That(after.ToConfig(), Is.EqualTo(before.ToConfig()));
        Assert.That(after.EstimatedLut - before.EstimatedLut, Is.EqualTo(10_000));
    }

    [TestCase("name: [unclosed\n", "malformed YAML")]
    [TestCase("name: zcu102\npart: xczu9eg-ffvb1156-2-e\n", "format: is missing: not a quasar calibration file (expected format: quasar-calibration); write one with quasar calibrate")]
    [TestCase(Header + "constants:\n  - name: control_lut\n    default: 6000.0\n    fitted: 7000.0\n" + Tail, "constants[0].name: 'control_lut' is not a constant of this model; known: ")]
    [TestCase(Header + "constants:\n  - name: control_luts\n    default: 5000.0\n    fitted: 7000.0\n" + Tail, "constants[0].default: 5000 is not this model's default of control_luts (6000): the file was fitted to another version of the model; rerun quasar calibrate")]
    [TestCase(Header + "constants:\n  - name: control_luts\n    default: 6000.0\n    fitted: lots\n" + Tail, "constants[0].fitted: expected a number, found 'lots'")]
    [TestCase(Header + "constants:\n  - name: array_efficiency\n    default: 1.0\n    fitted: 1.5\n" + Tail, "constants[0].fitted: 1.5 is outside (0, 1], the range of the array efficiency; rerun quasar calibrate")]
    [TestCase("format: quasar-calibration\nversion: 1\npart: xczu7ev-ffvc1156-2-e\ntop_function: quasar_gemm\ntool_versions: []\nconstants: []\n" + Tail,
        "part: 'xczu7ev-ffvc1156-2-e' is not the part of the platform 'zcu102' (xczu9eg-ffvb1156-2-e); use a calibration of that part, or give the platform it was fitted on with --platform")]
    [TestCase("format: quasar-calibration\nversion: 1\npart: xczu9eg-ffvb1156-2-e\ntop_function: gaussian\ntool_versions: []\nconstants: []\n" + Tail,
        "top_function: 'gaussian' is not quasar_gemm, the kernel every generated project synthesizes; calibrate from a generated project's reports")]
    public void A_bad_calibration_file_is_one_line_naming_the_file_and_field(string text, string problem)
    {
        var file = _work.Write("calibration.yaml", text);

        var run = Shell.Run("estimate", "--subnet", "fashion-mnist.largest", "--calibration", file);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1), run.ToString());
        Assert.That(run.ErrorLines[0], Does.StartWith($"error: {file}:").And.Contain(problem));
        Assert.That(run.ShowsStackTrace, Is.False);
    }

    private static double Figure(string output, string prefix)
    {
        var line = output.Split('\n').First(l => l.StartsWith(prefix, StringComparison.Ordinal));
        var number = line[prefix.Length..].Trim().Split(' ')[0].Replace(",", "", StringComparison.Ordinal);
        return double.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
    }
}
