namespace Quasar.HwGen.Vitis.Reports;

/// <summary>
/// One RTL row of a cosim report: status (Pass, Fail, NA) and latency/interval in cycles (null: NA);
/// <see cref="TotalExecutionTime"/> is the ninth column of Vitis 2022.2 and later (cycles; null when absent or NA).
/// </summary>
public sealed record CosimRow(string Rtl, string Status, long? LatencyMin, long? LatencyAverage, long? LatencyMax,
    long? IntervalMin, long? IntervalAverage, long? IntervalMax, long? TotalExecutionTime = null)
{
    public bool Ran => Status != "NA";

    public bool Passed => string.Equals(Status, "Pass", StringComparison.OrdinalIgnoreCase);
}
