using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Cli.Tests.Support;

namespace Quasar.HwGen.Cli.Tests.Verbs;

/// <summary>
/// `quasar synth` and `quasar cosim` through the entry point, with a stand-in `vitis_hls` on PATH that prints a Vitis
/// log and writes the real fixture reports (tests/fixtures/vitis-reports) where the classic flow does: the report's
/// figures on stdout, the log in the project's logs/; a report that contradicts the clean log, or no Vitis, is exit 4
/// with one line naming the evidence.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class HlsStepCommandTests
{
    private static readonly string Fixtures = Path.Combine(Core.RepositoryLayout.Root, "tests", "fixtures", "vitis-reports");
    private BadInputs _inputs = null!;
    private WorkDirectory _bin = null!;
    private string? _path;

    [OneTimeSetUp]
    public void MakeInputs() => _inputs = new BadInputs();

    [OneTimeTearDown]
    public void RemoveInputs() => _inputs.Dispose();

    [SetUp]
    public void IsolatePath()
    {
        _bin = new WorkDirectory();
        _path = Environment.GetEnvironmentVariable("PATH");
        // Only the stand-ins and the shell's own tools: a real Vitis on this machine must not answer.
        Environment.SetEnvironmentVariable("PATH", $"{_bin.Path}:/usr/bin:/bin");
        foreach (var folder in new[] { "prj", "logs" }.Select(f => Path.Combine(_inputs.Project, f)).Where(Directory.Exists)) Directory.Delete(folder, recursive: true);
    }

    [TearDown]
    public void RestorePath()
    {
        Environment.SetEnvironmentVariable("PATH", _path);
        _bin.Dispose();
    }

    [Test]
    public void Synth_prints_the_top_s_figures_and_keeps_the_log()
    {
        FakeVitisHls(Report("gaussian-2020.2/csynth.xml", "prj/solution1/syn/report/csynth.xml"), "INFO: [HLS 200-1510] Running: csynth_design");

        var run = Shell.Run("synth", _inputs.Project);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(run.Out, Does.StartWith("synth (Vitis HLS, ClassicTcl flow): PASS in "));
        Assert.That(run.Out, Does.Contain("quasar_gemm on xczu7ev-ffvc1156-2-e: latency 262,673..262,673 cycles, interval 262,674..262,674; estimated clock 6.427 ns for a 10 ns target"));
        Assert.That(run.Out, Does.Contain("resources: DSP 0/1,728 (0%), LUT 1,870/230,400 (1%), FF 973/460,800 (0%), BRAM_18K 3/624 (0%), URAM 0/96 (0%)"));
        Assert.That(File.ReadAllText(Path.Combine(_inputs.Project, "logs", "synth.log")), Does.Contain("Running: csynth_design"));
    }

    [Test]
    public void A_synthesis_over_the_part_s_DSPs_is_exit_4_naming_the_figures()
    {
        FakeVitisHls(Report("gaussian-2020.2/csynth.xml", "prj/solution1/syn/report/csynth.xml", "s/<DSP>0<\\/DSP>/<DSP>2000<\\/DSP>/"), "INFO: [HLS 200-1510] Running: csynth_design");

        var run = Shell.Run("synth", _inputs.Project);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ToolFailed), run.ToString());
        Assert.That(run.ErrorLines, Has.Some.StartWith("error: Vitis HLS csynth (ClassicTcl flow) failed: resources over the part: 2,000 DSP of the xczu7ev-ffvc1156-2-e's 1,728"));
        Assert.That(run.ShowsStackTrace, Is.False, run.ToString());
    }

    [Test]
    public void A_cosim_whose_report_shows_a_fail_under_a_passing_log_is_exit_4()
    {
        FakeVitisHls(Report("mnist-vivado-hls/c_mnist_cosim.rpt", "prj/solution1/sim/report/quasar_gemm_cosim.rpt", "s/      Pass|/      Fail|/"),
            "INFO: [COSIM 212-1000] *** C/RTL co-simulation finished: PASS ***");

        var run = Shell.Run("cosim", _inputs.Project);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ToolFailed), run.ToString());
        Assert.That(run.ErrorLines, Has.Some.Contains("failed: the cosim report ").And.Some.Contains("shows Verilog Fail"));
    }

    [Test]
    public void Export_names_the_kernel_object_it_left()
    {
        FakeVitisHls("echo xo > quasar_gemm.xo\n", "INFO: [HLS 200-1510] Running: export_design");

        var run = Shell.Run("export", _inputs.Project);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(run.Out, Does.Contain($"kernel object: {Path.Combine(_inputs.Project, "quasar_gemm.xo")}"));
        File.Delete(Path.Combine(_inputs.Project, "quasar_gemm.xo"));
    }

    [Test]
    public void Without_vitis_synth_is_exit_4_saying_what_to_install()
    {
        var run = Shell.Run("synth", _inputs.Project);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ToolFailed), run.ToString());
        Assert.That(run.ErrorLines, Has.Some.StartWith("error: ").And.Some.Contains("vitis_hls"));
        Assert.That(run.ShowsStackTrace, Is.False, run.ToString());
    }

    [Test]
    public void A_timeout_that_is_not_positive_is_a_usage_error()
    {
        var run = Shell.Run("synth", _inputs.Project, "--timeout-hours", "0");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString());
        Assert.That(run.Error, Does.Contain("--timeout-hours 0: give a positive number of hours"));
    }

    /// <summary>Shell lines copying a fixture report to <paramref name="target"/> with its top renamed (and <paramref name="edit"/>, a sed script).</summary>
    private static string Report(string fixture, string target, string edit = "") =>
        $"mkdir -p \"$(dirname '{target}')\"\n"
        + $"sed -e 's/<TopModelName>gaussian</<TopModelName>quasar_gemm</' {(edit.Length > 0 ? $"-e '{edit}' " : "")}'{Path.Combine(Fixtures, fixture)}' > '{target}'\n";

    /// <summary>A stand-in vitis_hls (the classic flow) that writes the report and prints <paramref name="log"/>.</summary>
    private void FakeVitisHls(string writeReport, string log)
    {
        var path = Path.Combine(_bin.Path, "vitis_hls");
        File.WriteAllText(path, $"#!/bin/sh\n{writeReport}cat <<'LOG'\n{log}\nLOG\nexit 0\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
