using Quasar.HwGen.Vitis.Csim;
using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Vitis.Hls;

/// <summary>An HLS step failed by the log gate; carries the command, exit code, the reasons and the relevant log lines.</summary>
public sealed class HlsStepFailedException(HlsStep step, HlsFlow flow, string command, int exitCode, HlsLogVerdict verdict,
    TestbenchVerdict testbench, IReadOnlyList<string> excerpt)
    : ToolException($"Vitis HLS {step.ToString().ToLowerInvariant()} ({flow} flow) failed: {string.Join("; ", verdict.Problems)}",
        command, exitCode, excerpt)
{
    public HlsStep Step { get; } = step;

    public HlsFlow Flow { get; } = flow;

    public HlsLogVerdict Verdict { get; } = verdict;

    /// <summary>What the testbench printed (a mismatch, a kernel status), when it ran.</summary>
    public TestbenchVerdict Testbench { get; } = testbench;
}
