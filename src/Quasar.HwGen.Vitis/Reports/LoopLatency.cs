namespace Quasar.HwGen.Vitis.Reports;

/// <summary>One loop of <c>SummaryOfLoopLatency</c>; null where the report says <c>undef</c> or omits the value.</summary>
public sealed record LoopLatency(
    string Name,
    CountRange? TripCount,
    CountRange? Latency,
    CountRange? IterationLatency,
    int? PipelineII,
    int? PipelineDepth,
    IReadOnlyList<LoopLatency> Loops);
