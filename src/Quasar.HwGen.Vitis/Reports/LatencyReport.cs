namespace Quasar.HwGen.Vitis.Reports;

/// <summary>
/// Cosim's <c>lat.rpt</c> (<c>$MAX_LATENCY = "4642865"</c> lines): the measured latency of the whole run in cycles, and
/// the throughput figures (0 when cosim did not measure an interval). Null where a key is missing.
/// </summary>
public sealed record LatencyReport(long? MinLatency, long? AverageLatency, long? MaxLatency, long? MinThroughput, long? AverageThroughput, long? MaxThroughput);
