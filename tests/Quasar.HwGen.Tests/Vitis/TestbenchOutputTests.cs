using Quasar.HwGen.Vitis.Csim;

namespace Quasar.HwGen.Tests.Vitis;

[TestFixture]
public sealed class TestbenchOutputTests
{
    [TestCase("PASS 3 calls", 3)]
    [TestCase("PASS 1 call", 1)]
    [TestCase("PASS 240", 240)]
    [TestCase("  PASS 7 calls  ", 7)]
    public void A_pass_line_gives_the_number_of_kernel_calls(string line, int calls)
    {
        Assert.That(TestbenchOutput.Parse(["compiling", line]).PassedCalls, Is.EqualTo(calls));
    }

    [TestCase("PASSED")]
    [TestCase("PASS three calls")]
    [TestCase("INFO: PASS 3 calls")]
    public void Lines_that_only_resemble_a_pass_line_are_not_a_pass(string line)
    {
        Assert.That(TestbenchOutput.Parse([line]).PassedCalls, Is.Null);
    }

    [Test]
    public void A_mismatch_line_is_read_field_by_field()
    {
        var verdict = TestbenchOutput.Parse(["MISMATCH layer=blocks.0.fc1 tensor=fc1_out image=4 index=0,3,17 expected=12 got=-4"]);

        Assert.That(verdict.Mismatch, Is.EqualTo(new CsimMismatch("blocks.0.fc1", "fc1_out", "4", "0,3,17", "12", "-4",
            "MISMATCH layer=blocks.0.fc1 tensor=fc1_out image=4 index=0,3,17 expected=12 got=-4")));
    }

    [Test]
    public void Only_the_first_mismatch_is_kept()
    {
        var verdict = TestbenchOutput.Parse(["MISMATCH layer=a expected=1 got=2", "MISMATCH layer=b expected=1 got=2"]);

        Assert.That(verdict.Mismatch!.Layer, Is.EqualTo("a"));
        Assert.That(verdict.Mismatch.Tensor, Is.Empty);
    }

    [Test]
    public void A_nonzero_kernel_status_is_read_with_its_meaning()
    {
        var verdict = TestbenchOutput.Parse(["STATUS layer=head image=0 status=2"]);

        Assert.That(verdict.KernelStatus!.Status, Is.EqualTo(2));
        Assert.That(verdict.KernelStatus.ToString(), Is.EqualTo("layer head, image 0: kernel status 2 (n exceeds MAX_ROWS)"));
    }

    [Test]
    public void A_zero_kernel_status_is_not_an_error()
    {
        Assert.That(TestbenchOutput.Parse(["STATUS layer=head image=0 status=0"]).KernelStatus, Is.Null);
    }

    [TestCase(0, null, CsimOutcome.Passed)]
    [TestCase(1, null, CsimOutcome.Failed)]
    [TestCase(134, 6, CsimOutcome.Crashed)]
    public void A_pass_line_counts_only_with_exit_code_0_and_no_signal(int exitCode, int? signal, CsimOutcome outcome)
    {
        Assert.That(CsimResult.Classify(new TestbenchVerdict(3, null, null), exitCode, signal), Is.EqualTo(outcome));
    }
}
