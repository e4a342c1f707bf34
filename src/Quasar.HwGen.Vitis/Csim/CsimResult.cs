using System.Globalization;

namespace Quasar.HwGen.Vitis.Csim;

/// <summary>A finished C simulation: outcome, what the testbench said, the whole log and the time per phase.</summary>
/// <param name="Engine">"g++" or the Vitis flow that ran it.</param>
/// <param name="Log">Compiler and testbench output, in order.</param>
/// <param name="CompilerWarnings">Warning lines of the compile (-Wall), empty when clean.</param>
/// <param name="Signal">The signal that killed the testbench, when <see cref="Outcome"/> is <see cref="CsimOutcome.Crashed"/>.</param>
public sealed record CsimResult(
    string Engine,
    CsimOutcome Outcome,
    TestbenchVerdict Verdict,
    int ExitCode,
    int? Signal,
    IReadOnlyList<string> Log,
    IReadOnlyList<string> CompilerWarnings,
    TimeSpan CompileTime,
    TimeSpan RunTime)
{
    public bool Succeeded => Outcome == CsimOutcome.Passed;

    /// <summary>One line: outcome, detail and timings.</summary>
    public string Summary()
    {
        var detail = Outcome switch
        {
            CsimOutcome.Passed => $"PASS, {Verdict.PassedCalls} kernel calls",
            CsimOutcome.Mismatch => $"MISMATCH at {Verdict.Mismatch}",
            CsimOutcome.KernelError => $"KERNEL ERROR at {Verdict.KernelStatus}",
            CsimOutcome.Crashed => $"CRASHED by signal {Signal} ({SignalName(Signal ?? 0)})",
            _ => Verdict.PassedCalls is null ? $"FAILED: exit code {ExitCode}, no PASS line" : $"FAILED: exit code {ExitCode} after PASS",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"csim ({Engine}): {detail}; compile {CompileTime.TotalSeconds:F1} s, run {RunTime.TotalSeconds:F1} s");
    }

    /// <summary>The usual name of a POSIX signal number on Linux.</summary>
    public static string SignalName(int signal) => signal switch
    {
        4 => "SIGILL",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        15 => "SIGTERM",
        _ => "signal " + signal.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The outcome implied by a testbench's verdict, exit code and signal.</summary>
    public static CsimOutcome Classify(TestbenchVerdict verdict, int exitCode, int? signal)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        if (signal is not null) return CsimOutcome.Crashed;
        if (verdict.Mismatch is not null) return CsimOutcome.Mismatch;
        if (verdict.KernelStatus is not null) return CsimOutcome.KernelError;
        return exitCode == 0 && verdict.PassedCalls is not null ? CsimOutcome.Passed : CsimOutcome.Failed;
    }
}
