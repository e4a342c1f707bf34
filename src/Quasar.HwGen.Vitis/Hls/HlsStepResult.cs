using Quasar.HwGen.Vitis.Csim;
using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Vitis.Hls;

/// <summary>
/// A step that passed the log and report gates: what ran, its log, (csim, cosim) the testbench's verdict, and the report
/// the step left (csynth: the top's csynth report; cosim: the cosim report).
/// </summary>
public sealed record HlsStepResult(HlsStep Step, HlsFlow Flow, string Command, int ExitCode, IReadOnlyList<string> Log,
    TestbenchVerdict Verdict, TimeSpan Duration)
{
    public Reports.CsynthReport? Csynth { get; init; }

    public Reports.CosimReport? Cosim { get; init; }
}
