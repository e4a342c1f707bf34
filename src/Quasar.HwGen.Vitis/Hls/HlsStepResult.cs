using Quasar.HwGen.Vitis.Csim;
using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Vitis.Hls;

/// <summary>A step that passed the log gate: what ran, its log, and (csim, cosim) the testbench's verdict.</summary>
public sealed record HlsStepResult(HlsStep Step, HlsFlow Flow, string Command, int ExitCode, IReadOnlyList<string> Log,
    TestbenchVerdict Verdict, TimeSpan Duration);
