using System.Diagnostics;

namespace Quasar.HwGen.Tests.Codegen;

/// <summary>
/// The generated scripts/run_hls.tcl run by tclsh against stand-in Vitis commands (TclStubs/): step selection, the
/// arguments it hands to csim_design/cosim_design, and the exit codes it promises when a step fails or its log or
/// report does not show success (the tools' own exit codes cannot be trusted).
/// </summary>
[TestFixture]
public sealed class TclFlowTests
{
    private const string Pass = "PASS 3 calls";
    private const string CosimPass = "|   Verilog|      Pass|  10|  20|  30|";
    private TemporaryDirectory _directory = null!;
    private string _project = null!;

    [OneTimeSetUp]
    public void Generate()
    {
        _directory = new TemporaryDirectory();
        _project = CodegenFixtures.GenerateSmallProject(_directory);
    }

    [OneTimeTearDown]
    public void Delete() => _directory.Dispose();

    [Test]
    public void Csim_passes_the_default_golden_file_and_exits_0_when_the_testbench_prints_pass()
    {
        var run = Run(["csim"], csim: Pass);

        Assert.That(run.ExitCode, Is.Zero, run.Output);
        Assert.That(run.Output, Does.Contain("QUASAR-OK: csim"));
        Assert.That(run.Calls, Has.Some.Match(@"^csim_design -clean -argv .*/tb/golden/golden\.qgv$"));
        Assert.That(run.Calls, Has.Some.EqualTo("set_part xczu9eg-ffvb1156-2-e"));
    }

    [Test]
    public void Golden_files_after_the_step_replace_the_default()
    {
        var run = Run(["csim", "/data/a.qgv", "/data/b.qgv"], csim: Pass);

        Assert.That(run.ExitCode, Is.Zero, run.Output);
        Assert.That(run.Calls, Has.Some.EqualTo("csim_design -clean -argv {/data/a.qgv /data/b.qgv}"));
    }

    [TestCase("MISMATCH layer=block0.attn.q tensor=q image=0 index=0,1,2 expected=3 got=4\nPASS 3 calls", TestName = "Csim fails with exit 2 on a MISMATCH line even beside PASS")]
    [TestCase("ERROR golden file tb/golden/golden.qgv: truncated", TestName = "Csim fails with exit 2 when the log has no PASS line")]
    public void Csim_fails_with_exit_2(string log)
    {
        var run = Run(["csim"], csim: log);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
        Assert.That(run.Output, Does.Contain("QUASAR-ERROR: csim"));
    }

    [Test]
    public void A_tool_error_inside_a_step_exits_with_that_step_s_code()
    {
        Assert.That(Run(["csynth"], fail: "csynth_design").ExitCode, Is.EqualTo(3));
        Assert.That(Run(["csim"], csim: Pass, fail: "open_project").ExitCode, Is.EqualTo(6));
    }

    [Test]
    public void Cosim_runs_synthesis_first_when_there_is_none_and_gates_on_the_report()
    {
        var passed = Run(["cosim"], cosim: CosimPass);
        Assert.That(passed.ExitCode, Is.Zero, passed.Output);
        Assert.That(passed.Calls.Select(c => c.Split(' ')[0]), Is.SupersetOf(new[] { "csynth_design", "cosim_design" }));

        var failed = Run(["cosim"], cosim: "|   Verilog|      Fail|  10|  20|  30|");
        Assert.That(failed.ExitCode, Is.EqualTo(4), "a cosim whose report says Fail fails even though cosim_design returned normally");
    }

    [Test]
    public void Export_writes_the_xo_and_an_unknown_step_is_a_usage_error()
    {
        var export = Run(["export"]);
        Assert.That(export.ExitCode, Is.Zero, export.Output);
        Assert.That(File.Exists(Path.Combine(_project, "quasar_gemm.xo")), Is.True);

        var unknown = Run(["synth"]);
        Assert.That(unknown.ExitCode, Is.EqualTo(1));
        Assert.That(unknown.Output, Does.Contain("unknown step 'synth'"));
    }

    private (int ExitCode, string Output, IReadOnlyList<string> Calls) Run(string[] arguments, string csim = "", string cosim = "", string? fail = null)
    {
        foreach (var leftover in new[] { Path.Combine(_project, "prj"), Path.Combine(_project, "quasar_gemm.xo") })
        {
            if (Directory.Exists(leftover)) Directory.Delete(leftover, recursive: true);
            else File.Delete(leftover);
        }
        var log = _directory.File($"calls-{Guid.NewGuid():N}.log");
        File.WriteAllText(log, "");
        var stubs = Path.Combine(TestPaths.Root, "tests", "Quasar.HwGen.Tests", "Codegen", "TclStubs", "vitis_hls_stubs.tcl");
        var wrapper = _directory.File("wrapper.tcl");
        File.WriteAllText(wrapper, $"source {{{stubs}}}\nset argv [list {string.Join(' ', arguments.Select(a => "{" + a + "}"))}]\nset argc [llength $argv]\nsource {{{Path.Combine(_project, "scripts", "run_hls.tcl")}}}\n");
        var start = new ProcessStartInfo("tclsh") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(wrapper);
        start.Environment["QUASAR_STUB_LOG"] = log;
        start.Environment["QUASAR_STUB_CSIM"] = csim;
        start.Environment["QUASAR_STUB_COSIM"] = cosim;
        if (fail is not null) start.Environment["QUASAR_STUB_FAIL"] = fail;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result, File.ReadAllLines(log));
    }
}
