using System.Globalization;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Cli.Tests.Support;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Hardware.Calibration;
using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Hardware.Kernel;
using Quasar.HwGen.Hardware.Resources;

namespace Quasar.HwGen.Cli.Tests.Verbs;

/// <summary>
/// `quasar calibrate` through the entry point, on reports the model itself wrote with known, perturbed constants: it
/// must give the constants back with residuals of ~0, show the residuals of noisy reports, and refuse reports of
/// another part or another top function.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class CalibrateCommandTests
{
    /// <summary>Every fitted cost moved away from its default.</summary>
    private static readonly ResourceParameters Truth = new(ControlLuts: 7_250, OutputLaneLuts: 290, ControlFfs: 11_500, OutputLaneFfs: 455, DspUnitFfs: 9.5, LutUnitFfs: 27);

    private const double TrueEfficiency = 0.8;

    /// <summary>Six engines that vary TN, DSP units and LUT units independently; the third is array-bound (TM / PT = 64 token steps a block, 8 chunk words).</summary>
    private static readonly EngineConfig[] Engines =
    [
        new(DspUnits: 24, PackingFactor: 3, LutUnits: 8, TileTokens: 4, TileRows: 8, TileReduction: 4, MaxReduction: 16, MaxRows: 8, ClockMhz: 150),
        new(DspUnits: 240, PackingFactor: 3, LutUnits: 16, TileTokens: 8, TileRows: 16, TileReduction: 16, MaxReduction: 64, MaxRows: 64, ClockMhz: 150),
        new(DspUnits: 512, PackingFactor: 4, LutUnits: 0, TileTokens: 128, TileRows: 16, TileReduction: 16, MaxReduction: 64, MaxRows: 64, ClockMhz: 150),
        new(DspUnits: 96, PackingFactor: 3, LutUnits: 160, TileTokens: 8, TileRows: 32, TileReduction: 8, MaxReduction: 64, MaxRows: 64, ClockMhz: 150),
        new(DspUnits: 1024, PackingFactor: 4, LutUnits: 0, TileTokens: 16, TileRows: 32, TileReduction: 16, MaxReduction: 128, MaxRows: 128, ClockMhz: 150),
        new(DspUnits: 192, PackingFactor: 3, LutUnits: 64, TileTokens: 8, TileRows: 8, TileReduction: 32, MaxReduction: 64, MaxRows: 64, ClockMhz: 150),
    ];

    private static readonly KernelWordCall[] Calls =
    [
        new(1, 200, 64, 64, 64, 2, -32768, 32767, 0),
        new(3, 128, 40, 48, 40, 1, -32, 31, GemmFlags.PerTensor),
        new(1, 197, 64, 64, 64, 1, -32, 31, 0),
    ];

    private SyntheticReports _reports = null!;

    [SetUp]
    public void MakeFolder() => _reports = new SyntheticReports();

    [TearDown]
    public void RemoveFolder() => _reports.Dispose();

    [Test]
    public void Reports_made_with_known_constants_give_them_back_with_residuals_of_zero()
    {
        var projects = Designs(noise: 0);
        var output = _reports.File("calibration.yaml");

        var run = Shell.Run(["calibrate", .. projects, "--out", output]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        var file = ConfigLoader.LoadCalibration(output, CalibrationConstants.Check);
        Assert.That(file.Part, Is.EqualTo(SyntheticReports.Zcu102Part));
        Assert.That(file.TopFunction, Is.EqualTo("quasar_gemm"));
        Assert.That(file.ToolVersions, Is.EqualTo(new[] { "2024.2" }));
        // csynth's whole LUTs and FFs round the model's fractions: ±0.5 in tens of thousands.
        foreach (var name in ReportCalibration.LutCandidates.Concat(ReportCalibration.FfCandidates))
        {
            double truth = CalibrationConstants.Get(Truth, name);
            Assert.That(file.Fitted(name), Is.EqualTo(truth).Within(1e-3 * truth), name);
            Assert.That(file.Constants.Single(c => c.Name == name).Default, Is.EqualTo(CalibrationConstants.Default(name)), name);
        }
        Assert.That(file.Fitted(CalibrationConstants.ArrayEfficiency), Is.EqualTo(TrueEfficiency).Within(1e-4));
        var fitted = file.Residuals.Where(r => r.Figure is "lut" or "ff" or "cosim_latency_avg").ToList();
        Assert.That(fitted, Has.Count.EqualTo(2 * Engines.Length + 1));
        Assert.That(fitted.Select(r => Math.Abs(r.Percent!.Value)), Has.All.LessThan(0.01));
        Assert.That(run.Out, Does.Contain("fitted constants:").And.Contain("control_luts").And.Contain("array_efficiency"));
        Assert.That(ResidualLines(run.Out, "lut"), Has.Count.EqualTo(Engines.Length).And.All.LessThan(0.01));
    }

    [Test]
    public void Noisy_reports_show_their_residuals_per_report_and_figure()
    {
        var projects = Designs(noise: 0.03);

        var run = Shell.Run(["calibrate", .. projects, "--out", _reports.File("calibration.yaml")]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        var lut = ResidualLines(run.Out, "lut");
        Assert.That(lut, Has.Count.EqualTo(Engines.Length));
        Assert.That(lut.Max(), Is.GreaterThan(0.3), run.Out);
        Assert.That(ResidualLines(run.Out, "ff").Max(), Is.GreaterThan(0.3), run.Out);
    }

    [Test]
    public void A_report_of_another_part_than_the_project_s_platform_is_refused()
    {
        var project = _reports.Project("d0", Engines[0]);
        SyntheticReports.Csynth(project, Kernel(Engines[0]), part: "xczu7ev-ffvc1156-2-e");

        var run = Shell.Run("calibrate", project, "--out", _reports.File("calibration.yaml"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1));
        Assert.That(run.ErrorLines[0], Does.Contain("synthesized for part xczu7ev-ffvc1156-2-e, not the project's xczu9eg-ffvb1156-2-e (quasar-project.json platform.part)"));
        Assert.That(File.Exists(_reports.File("calibration.yaml")), Is.False);
    }

    [Test]
    public void A_report_of_another_top_function_is_refused_as_a_folder_and_as_a_file()
    {
        var project = _reports.Project("d0", Engines[0]);
        var report = SyntheticReports.Csynth(project, Kernel(Engines[0]), top: "gaussian");

        var folder = Shell.Run("calibrate", project, "--out", _reports.File("calibration.yaml"));
        var file = Shell.Run("calibrate", report, "--out", _reports.File("calibration.yaml"));

        Assert.That(folder.ExitCode, Is.EqualTo(ExitCodes.BadInput), folder.ToString());
        Assert.That(folder.ErrorLines, Is.EqualTo(new[] { $"error: {Path.GetDirectoryName(report)}: no csynth report of the top function 'quasar_gemm': quasar_gemm_csynth.xml is missing and quasar_gemm_csynth.rpt is missing (reports of: gaussian); synthesize the project's top" }));
        Assert.That(file.ExitCode, Is.EqualTo(ExitCodes.BadInput), file.ToString());
        Assert.That(file.ErrorLines, Has.Count.EqualTo(1));
        Assert.That(file.ErrorLines[0], Does.Contain("a csynth report of 'gaussian', not of quasar_gemm"));
    }

    [Test]
    public void Reports_of_two_parts_are_refused()
    {
        var a = _reports.Project("a", Engines[0]);
        SyntheticReports.Csynth(a, Kernel(Engines[0]));
        var b = _reports.Project("b", Engines[1], part: "xczu7ev-ffvc1156-2-e");
        SyntheticReports.Csynth(b, Kernel(Engines[1]), part: "xczu7ev-ffvc1156-2-e");

        var run = Shell.Run("calibrate", a, b, "--out", _reports.File("calibration.yaml"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { "error: the reports are of 2 parts (xczu9eg-ffvb1156-2-e, xczu7ev-ffvc1156-2-e): the model's constants differ by part; calibrate one part at a time" }));
    }

    [Test]
    public void Report_files_outside_the_project_count_for_the_project_given()
    {
        var project = _reports.Project("d2", Engines[2]);
        var csynth = SyntheticReports.Csynth(project, Kernel(Engines[2]));
        var cycles = Calls.Select(c => KernelCycles.ForCall(Engines[2], c, TrueEfficiency).Total).ToList();
        SyntheticReports.Cosim(project, Engines[2], Calls, 1, (long)Math.Round(cycles.Average()), 1);
        var loose = Directory.CreateDirectory(_reports.File("loose")).FullName;
        File.Move(csynth, Path.Combine(loose, "quasar_gemm_csynth.xml"));
        File.WriteAllText(Path.Combine(loose, "lat.rpt"), string.Create(CultureInfo.InvariantCulture, $"$AVER_LATENCY = \"{Math.Round(cycles.Average())}\"\n"));
        Directory.Delete(Path.Combine(project, "prj"), recursive: true);
        var output = _reports.File("calibration.yaml");

        var run = Shell.Run("calibrate", Path.Combine(loose, "quasar_gemm_csynth.xml"), Path.Combine(loose, "lat.rpt"), "--project", project, "--out", output);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        var file = ConfigLoader.LoadCalibration(output, CalibrationConstants.Check);
        Assert.That(file.Constants.Select(c => c.Name), Is.EqualTo(new[] { "control_luts", "control_ffs", "array_efficiency" }));
        Assert.That(file.Fitted(CalibrationConstants.ArrayEfficiency), Is.EqualTo(TrueEfficiency).Within(1e-4));
        Assert.That(file.Residuals.Select(r => r.Figure), Is.EqualTo(new[] { "lut", "ff", "dsp", "bram_18k", "cosim_latency_avg" }));
    }

    [Test]
    public void An_existing_calibration_file_is_replaced_only_with_force()
    {
        var project = _reports.Project("d0", Engines[0]);
        SyntheticReports.Csynth(project, Kernel(Engines[0]), unified: true);
        var output = _reports.File("mine.yaml");
        File.WriteAllText(output, "user data\n");

        var refused = Shell.Run("calibrate", project, "--out", output);
        Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.BadInput), refused.ToString());
        Assert.That(refused.ErrorLines, Is.EqualTo(new[] { $"error: {output} exists; pass --force to replace it, or choose another --out" }));
        Assert.That(File.ReadAllText(output), Is.EqualTo("user data\n"));

        var forced = Shell.Run("calibrate", project, "--out", output, "--force");
        Assert.That(forced.ExitCode, Is.EqualTo(ExitCodes.Success), forced.ToString());
        Assert.That(File.ReadAllText(output), Does.StartWith("# Hardware-model calibration of quasar_gemm"));
    }

    /// <summary>One project per engine with a csynth report of its kernel under <see cref="Truth"/> (times 1 ± noise), the array-bound one with a cosim of <see cref="Calls"/> at η = 0.8.</summary>
    private string[] Designs(double noise)
    {
        var projects = new string[Engines.Length];
        for (int i = 0; i < Engines.Length; i++)
        {
            var engine = Engines[i];
            projects[i] = _reports.Project($"design {i}", engine);
            var kernel = Kernel(engine);
            double scale = 1 + noise * (i % 2 == 0 ? 1 : -1) * (1 + i) / Engines.Length;
            SyntheticReports.Csynth(projects[i], kernel with { Lut = kernel.Lut * scale, Ff = kernel.Ff / scale });
        }
        var cycles = Calls.Select(c => KernelCycles.ForCall(Engines[2], c, TrueEfficiency).Total).ToList();
        SyntheticReports.Cosim(projects[2], Engines[2], Calls, (long)Math.Round(cycles.Min()), (long)Math.Round(cycles.Average()), (long)Math.Round(cycles.Max()));
        return projects;
    }

    private static ResourceUsage Kernel(EngineConfig engine) => ResourceModel.Estimate(engine, Truth).Kernel;

    /// <summary>|residual| in percent of every printed line of <paramref name="figure"/>.</summary>
    private static List<double> ResidualLines(string output, string figure) =>
        [.. output.Split('\n').Where(l => l.Contains($" {figure} ", StringComparison.Ordinal) && l.TrimEnd().EndsWith('%'))
            .Select(l => Math.Abs(double.Parse(l.TrimEnd()[..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1], CultureInfo.InvariantCulture)))];
}
