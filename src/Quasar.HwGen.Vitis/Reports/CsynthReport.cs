namespace Quasar.HwGen.Vitis.Reports;

/// <summary>
/// A C synthesis report (csynth.xml / &lt;top&gt;_csynth.xml). Latencies in clock cycles, null when <c>undef</c>
/// (a loop with a variable bound); clock periods in ns.
/// </summary>
public sealed record CsynthReport(
    string? ToolVersion,
    string Part,
    string TopModel,
    double TargetClockPeriodNs,
    double? ClockUncertaintyNs,
    string? FlowTarget,
    double? EstimatedClockPeriodNs,
    long? BestCaseLatency,
    long? AverageCaseLatency,
    long? WorstCaseLatency,
    long? IntervalMin,
    long? IntervalMax,
    IReadOnlyList<LoopLatency> Loops,
    ResourceUsage Resources,
    ResourceUsage? Available);
