using Quasar.HwGen.Vitis.Hls;

namespace Quasar.HwGen.Tests.Vitis;

[TestFixture]
public sealed class HlsLogGateTests
{
    private static string[] Lines(string log) => log.Split('\n');

    [Test]
    public void The_real_csim_log_of_the_fixtures_passes()
    {
        var log = File.ReadAllLines(Path.Combine(TestPaths.VitisReports, "mnist-vivado-hls", "c_mnist_csim.log"));

        Assert.That(HlsLogGate.Evaluate(HlsStep.Csim, log, 0).Passed, Is.True);
    }

    [Test]
    public void A_csim_failure_fails_even_with_exit_code_0_and_shows_the_mismatch_and_error_lines()
    {
        var verdict = HlsLogGate.Evaluate(HlsStep.Csim, Lines(VitisLogs.CsimMismatch), 0);

        Assert.That(verdict.Passed, Is.False);
        Assert.That(verdict.EvidenceLines, Is.EqualTo(new[]
        {
            "MISMATCH layer=blocks.0.fc1 tensor=fc1_out image=0 index=0,3,17 expected=12 got=-4",
            "@E Simulation failed: Function 'main' returns nonzero value '1'.",
            "ERROR: [SIM 211-100] 'csim_design' failed: nonzero return value.",
        }));
    }

    [Test]
    public void A_cosim_FAIL_line_fails_the_step_although_the_tool_exited_0()
    {
        var verdict = HlsLogGate.Evaluate(HlsStep.Cosim, Lines(VitisLogs.CosimFail), 0);

        Assert.That(verdict.Passed, Is.False);
        Assert.That(verdict.Problems, Has.Some.Contains("*** C/RTL co-simulation finished: FAIL ***"));
        Assert.That(verdict.Problems, Has.Some.Contains("lacks the cosim success line"));
    }

    [Test]
    public void A_csim_log_without_its_done_line_fails()
    {
        var verdict = HlsLogGate.Evaluate(HlsStep.Csim, ["INFO: [SIM 211-2] *************** CSIM start ***************"], 0);

        Assert.That(verdict.Passed, Is.False);
        Assert.That(verdict.Problems, Is.EqualTo(new[] { "the log lacks the csim success line (/CSim done with 0 errors/)" }));
    }

    [Test]
    public void A_clean_log_with_a_nonzero_exit_code_fails()
    {
        Assert.That(HlsLogGate.Evaluate(HlsStep.Csynth, Lines(VitisLogs.CsynthPass), 1).Problems, Is.EqualTo(new[] { "the tool exited with code 1" }));
    }

    [TestCase("INFO: [SIM 211-1] CSim done with 2 errors.", true)]
    [TestCase("INFO: [SIM 211-1] CSim done with 0 errors.", false)]
    [TestCase("WARNING: [HLS 200-40] Skipped source file 'x.h'.", false)]
    [TestCase("ERROR: [HLS 207-812] 'ap_int.h' file not found", true)]
    [TestCase("ERR: [SIM 100] CSim failed with errors.", true)]
    [TestCase("INFO: [HLS 200-789] **** Estimated Fmax: 273.97 MHz", false)]
    [TestCase("WARNING: [HLS 200-880] All loop constraints were NOT satisfied.", true)]
    [TestCase("INFO: [HLS 200-1470] All loop constraints were satisfied.", false)]
    [TestCase("@E [SIM-1] CSim failed with errors.", true)]
    public void Error_markers_are_recognised(string line, bool isError)
    {
        Assert.That(HlsLogGate.IsErrorMarker(line), Is.EqualTo(isError));
    }

    /// <summary>Vitis 2024.x's unified flow ends a failed csim with `ERR: [SIM 100]`: an error line, and the evidence.</summary>
    [Test]
    public void The_unified_flow_s_ERR_line_fails_csim_and_is_its_evidence()
    {
        var verdict = HlsLogGate.Evaluate(HlsStep.Csim, ["INFO: [SIM 211-2] *************** CSIM start ***************", "ERR: [SIM 100] CSim failed with errors."], 1);

        Assert.That(verdict.Problems, Has.Some.EqualTo("the log reports 1 error line(s), the first: ERR: [SIM 100] CSim failed with errors."));
        Assert.That(verdict.EvidenceLines, Is.EqualTo(new[] { "ERR: [SIM 100] CSim failed with errors." }));
    }

    [Test]
    public void A_csynth_whose_loop_constraints_were_not_satisfied_fails_although_it_exited_0()
    {
        var verdict = HlsLogGate.Evaluate(HlsStep.Csynth, [.. Lines(VitisLogs.CsynthPass), "WARNING: [HLS 200-880] All loop constraints were NOT satisfied."], 0);

        Assert.That(verdict.Passed, Is.False);
        Assert.That(verdict.EvidenceLines, Has.Some.Contains("loop constraints were NOT satisfied"));
    }
}
