namespace Quasar.HwGen.Vitis.Reports;

/// <summary>One RTL row of a cosim report: status (Pass, Fail, NA) and latency/interval in cycles (null: NA).</summary>
public sealed record CosimRow(string Rtl, string Status, long? LatencyMin, long? LatencyAverage, long? LatencyMax,
    long? IntervalMin, long? IntervalAverage, long? IntervalMax)
{
    public bool Ran => Status != "NA";

    public bool Passed => string.Equals(Status, "Pass", StringComparison.OrdinalIgnoreCase);
}
