using Quasar.HwGen.Vitis.Hls;
using Quasar.HwGen.Vitis.Projects;
using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Tests.Vitis;

/// <summary>The HLS runner against fake vitis_hls / vitis-run / v++ executables that print real-looking logs.</summary>
[TestFixture]
public sealed class VitisHlsRunnerTests
{
    private TemporaryDirectory _directory = null!;
    private HlsProject _project = null!;

    [SetUp]
    public void Create()
    {
        _directory = new TemporaryDirectory();
        _project = HlsProject.Open(HandWrittenProject.Write(_directory.File("prj")));
    }

    [TearDown]
    public void Delete() => _directory.Dispose();

    private string Bin => _directory.File("bin");

    private async Task<VitisHlsRunner> Runner(HlsFlow? flow = null)
    {
        var tools = await ToolDiscovery.DiscoverAsync(ToolSearchPath.Of(Bin));
        return new VitisHlsRunner(tools, flow ?? tools.Flow, VitisHlsOptions.Default);
    }

    [Test]
    public async Task Classic_csim_runs_vitis_hls_on_the_tcl_script_with_the_step_as_tclargs_in_the_project_directory()
    {
        var tool = FakeTool.Write(Bin, "vitis_hls", FakeTool.Printing(VitisLogs.CsimPass, 0));

        var result = await (await Runner()).RunAsync(_project, HlsStep.Csim);

        Assert.That(FakeTool.Arguments(tool), Is.EqualTo(new[] { "-f", "scripts/run_hls.tcl", "-tclargs", "csim" }));
        Assert.That(FakeTool.WorkingDirectory(tool), Is.EqualTo(_project.Root));
        Assert.That(result.Flow, Is.EqualTo(HlsFlow.ClassicTcl));
        Assert.That(result.Verdict.PassedCalls, Is.EqualTo(3));
        Assert.That(result.Command, Is.EqualTo($"{tool} -f scripts/run_hls.tcl -tclargs csim"));
    }

    [Test]
    public async Task Golden_files_follow_the_step_in_the_tclargs()
    {
        var tool = FakeTool.Write(Bin, "vitis_hls", FakeTool.Printing(VitisLogs.CsimPass, 0));

        await (await Runner()).RunAsync(_project, HlsStep.Csim, ["/data/net.qgv"]);

        Assert.That(FakeTool.Arguments(tool), Is.EqualTo(new[] { "-f", "scripts/run_hls.tcl", "-tclargs", "csim", "/data/net.qgv" }));
    }

    [Test]
    public async Task A_failing_csim_throws_with_the_command_exit_code_mismatch_and_error_lines()
    {
        FakeTool.Write(Bin, "vitis_hls", FakeTool.Printing(VitisLogs.CsimMismatch, 1));
        var runner = await Runner();

        var error = Assert.ThrowsAsync<HlsStepFailedException>(() => runner.RunAsync(_project, HlsStep.Csim))!;

        Assert.That(error.ExitCode, Is.EqualTo(1));
        Assert.That(error.Command, Does.EndWith("vitis_hls -f scripts/run_hls.tcl -tclargs csim"));
        Assert.That(error.LogExcerpt, Does.Contain("ERROR: [SIM 211-100] 'csim_design' failed: nonzero return value."));
        Assert.That(error.Testbench.Mismatch!.Layer, Is.EqualTo("blocks.0.fc1"));
        Assert.That(error.Message, Does.StartWith("Vitis HLS csim (ClassicTcl flow) failed: the tool exited with code 1; the log reports 2 error line(s)"));
    }

    [Test]
    public async Task A_cosim_that_fails_but_exits_0_is_still_a_failure()
    {
        FakeTool.Write(Bin, "vitis_hls", FakeTool.Printing(VitisLogs.CosimFail, 0));
        var runner = await Runner();

        var error = Assert.ThrowsAsync<HlsStepFailedException>(() => runner.RunAsync(_project, HlsStep.Cosim))!;

        Assert.That(error.ExitCode, Is.EqualTo(0));
        Assert.That(error.LogExcerpt, Is.EqualTo(new[]
        {
            "MISMATCH layer=head tensor=logits image=0 index=0,0,7 expected=-3 got=5",
            "INFO: [COSIM 212-1000] *** C/RTL co-simulation finished: FAIL ***",
        }));
    }

    [Test]
    public async Task A_passing_cosim_passes()
    {
        FakeTool.Write(Bin, "vitis_hls", FakeTool.WritingReport(CosimFixture, ClassicCosimReport, FakeTool.Printing(VitisLogs.CosimPass, 0)));

        var result = await (await Runner()).RunAsync(_project, HlsStep.Cosim);

        Assert.That(result.Log, Does.Contain("INFO: [COSIM 212-1000] *** C/RTL co-simulation finished: PASS ***"));
        Assert.That(result.Cosim!.Rows[1].LatencyMax, Is.EqualTo(4642865));
    }

    private const string CosimFixture = "mnist-vivado-hls/c_mnist_cosim.rpt";
    private const string ClassicCosimReport = "prj/solution1/sim/report/quasar_gemm_cosim.rpt";
    private const string ClassicCsynthReport = "prj/solution1/syn/report/csynth.xml";

    [Test]
    public async Task An_export_that_writes_no_kernel_object_fails_saying_where_it_looked()
    {
        FakeTool.Write(Bin, "vitis_hls", FakeTool.Printing("INFO: [HLS 200-1510] Running: export_design", 0));
        var runner = await Runner();

        var error = Assert.ThrowsAsync<HlsStepFailedException>(() => runner.RunAsync(_project, HlsStep.Export))!;

        Assert.That(error.Verdict.Problems, Is.EqualTo(new[] { $"the export wrote no quasar_gemm.xo (expected {Path.Combine(_project.Root, "quasar_gemm.xo")})" }));
    }

    [Test]
    public async Task A_csynth_gives_the_top_function_s_report()
    {
        FakeTool.Write(Bin, "vitis_hls", FakeTool.WritingReport("gaussian-2020.2/csynth.xml", ClassicCsynthReport, FakeTool.Printing(VitisLogs.CsynthPass, 0)));

        var result = await (await Runner()).RunAsync(_project, HlsStep.Csynth);

        Assert.That((result.Csynth!.TopModel, result.Csynth.EstimatedClockPeriodNs), Is.EqualTo(("quasar_gemm", (double?)6.427)));
    }

    [Test]
    public async Task A_csynth_with_a_clean_log_but_no_report_fails_saying_so()
    {
        FakeTool.Write(Bin, "vitis_hls", FakeTool.Printing(VitisLogs.CsynthPass, 0));
        var runner = await Runner();

        var error = Assert.ThrowsAsync<HlsStepFailedException>(() => runner.RunAsync(_project, HlsStep.Csynth))!;

        Assert.That(error.Message, Does.StartWith("Vitis HLS csynth (ClassicTcl flow) failed: the csynth report is missing or unreadable: ")
            .And.Contain(Path.Combine(_project.Root, "prj", "solution1", "syn", "report")));
    }

    /// <summary>A csynth that exits 0 with a clean log but a report over the part's DSPs: the report's evidence fails it.</summary>
    [Test]
    public async Task A_csynth_whose_report_uses_more_DSPs_than_the_part_fails_naming_the_figures()
    {
        var body = FakeTool.WritingReport("gaussian-2020.2/csynth.xml", ClassicCsynthReport, FakeTool.Printing(VitisLogs.CsynthPass, 0))
            .Replace("' > '", "' | sed 's/<DSP>0<\\/DSP>/<DSP>2000<\\/DSP>/' > '", StringComparison.Ordinal);
        FakeTool.Write(Bin, "vitis_hls", body);
        var runner = await Runner();

        var error = Assert.ThrowsAsync<HlsStepFailedException>(() => runner.RunAsync(_project, HlsStep.Csynth))!;

        Assert.That(error.Verdict.Problems, Is.EqualTo(new[] { "resources over the part: 2,000 DSP of the xczu7ev-ffvc1156-2-e's 1,728" }));
        Assert.That(error.ExitCode, Is.Zero);
    }

    [Test]
    public async Task A_cosim_whose_log_passes_but_whose_report_shows_a_fail_fails()
    {
        var body = FakeTool.WritingReport(CosimFixture, ClassicCosimReport, FakeTool.Printing(VitisLogs.CosimPass, 0))
            .Replace("' > '", "' | sed 's/      Pass|/      Fail|/' > '", StringComparison.Ordinal);
        FakeTool.Write(Bin, "vitis_hls", body);
        var runner = await Runner();

        var error = Assert.ThrowsAsync<HlsStepFailedException>(() => runner.RunAsync(_project, HlsStep.Cosim))!;

        Assert.That(error.Verdict.Problems, Is.EqualTo(new[] { $"the cosim report {Path.Combine(_project.Root, ClassicCosimReport)} shows Verilog Fail" }));
    }

    [Test]
    public async Task Without_a_recognisable_log_the_failure_shows_the_last_lines()
    {
        FakeTool.Write(Bin, "vitis_hls", "echo 'Segmentation fault (core dumped)'; exit 139");
        var runner = await Runner();

        var error = Assert.ThrowsAsync<HlsStepFailedException>(() => runner.RunAsync(_project, HlsStep.Csynth))!;

        Assert.That(error.LogExcerpt, Is.EqualTo(new[] { "Segmentation fault (core dumped)" }));
        Assert.That(error.ExitCode, Is.EqualTo(139));
    }

    [Test]
    public async Task Unified_csynth_runs_vpp_in_hls_mode_with_the_config_and_work_directory()
    {
        var vpp = FakeTool.Write(Bin, "v++", FakeTool.WritingReport("gaussian-2020.2/csynth.xml", "work/hls/syn/report/quasar_gemm_csynth.xml",
            FakeTool.Printing(VitisLogs.CsynthPass, 0)));
        FakeTool.Write(Bin, "vitis-run", "exit 1");

        var result = await (await Runner()).RunAsync(_project, HlsStep.Csynth);

        Assert.That(result.Flow, Is.EqualTo(HlsFlow.Unified));
        Assert.That(FakeTool.Arguments(vpp), Is.EqualTo(new[] { "-c", "--mode", "hls", "--config", "hls_config.cfg", "--work_dir", "work" }));
    }

    [TestCase(HlsStep.Csim, "--csim")]
    [TestCase(HlsStep.Cosim, "--cosim")]
    [TestCase(HlsStep.Export, "--package")]
    public async Task Unified_simulation_and_packaging_run_vitis_run_in_hls_mode(HlsStep step, string flag)
    {
        FakeTool.Write(Bin, "v++", "exit 1");
        var vitisRun = FakeTool.Write(Bin, "vitis-run", FakeTool.WritingReport(CosimFixture, "work/hls/sim/report/quasar_gemm_cosim.rpt",
            "mkdir -p work/hls/impl/ip && echo xo > work/hls/impl/ip/quasar_gemm.xo\n" + FakeTool.Printing(VitisLogs.CsimPass + VitisLogs.CosimPass, 0)));

        await (await Runner()).RunAsync(_project, step);

        Assert.That(FakeTool.Arguments(vitisRun), Is.EqualTo(new[] { "--mode", "hls", flag, "--config", "hls_config.cfg", "--work_dir", "work" }));
    }

    [Test]
    public async Task The_unified_flow_refuses_golden_file_arguments()
    {
        FakeTool.Write(Bin, "v++", "exit 0");
        FakeTool.Write(Bin, "vitis-run", "exit 0");
        var runner = await Runner();

        Assert.ThrowsAsync<ArgumentException>(() => runner.RunAsync(_project, HlsStep.Csim, ["net.qgv"]));
    }

    [Test]
    public async Task A_project_without_its_tcl_script_is_refused_before_running_the_tool()
    {
        var tool = FakeTool.Write(Bin, "vitis_hls", "exit 0");
        File.Delete(_project.TclScript);
        var runner = await Runner();
        File.Delete(tool + ".args"); // discovery asked vitis_hls for its release

        var error = Assert.ThrowsAsync<FileNotFoundException>(() => runner.RunAsync(_project, HlsStep.Csim))!;

        Assert.That(error.Message, Does.Contain("scripts/run_hls.tcl is missing"));
        Assert.That(File.Exists(tool + ".args"), Is.False);
    }

    [Test]
    public async Task Without_any_Vitis_tool_the_runner_says_which_tools_and_how_to_get_them()
    {
        var runner = await Runner();

        var error = Assert.ThrowsAsync<ToolNotFoundException>(() => runner.RunAsync(_project, HlsStep.Csim))!;

        Assert.That(error.Message, Does.Contain("vitis_hls or vitis-run + v++ not found").And.Contain("settings64.sh"));
    }

    [Test]
    public async Task A_step_that_outlives_its_timeout_is_killed_and_reported()
    {
        FakeTool.Write(Bin, "vitis_hls", "echo 'INFO: [SIM 211-2] *************** CSIM start ***************'; exec sleep 30");
        var tools = await ToolDiscovery.DiscoverAsync(ToolSearchPath.Of(Bin));
        var runner = new VitisHlsRunner(tools, HlsFlow.ClassicTcl, VitisHlsOptions.Default with { Timeout = TimeSpan.FromMilliseconds(500) });

        var error = Assert.ThrowsAsync<ToolException>(() => runner.RunAsync(_project, HlsStep.Csim))!;

        Assert.That(error.Message, Does.Contain("did not finish within"));
        Assert.That(error.LogExcerpt, Does.Contain("INFO: [SIM 211-2] *************** CSIM start ***************"));
    }
}
