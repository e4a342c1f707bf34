namespace Quasar.HwGen.Vitis.Reports;

/// <summary>
/// The "Design Timing Summary" of Vivado's <c>report_timing_summary</c> and its verdict line.
/// </summary>
/// <param name="Device">The header's <c>Device</c> (<c>xczu9eg-ffvb1156</c>: the timing report omits the speed
/// grade the utilization report gives); null when the header is missing.</param>
/// <param name="Setup">WNS, TNS and their endpoints.</param>
/// <param name="Hold">WHS, THS and their endpoints.</param>
/// <param name="PulseWidth">WPWS, TPWS and their endpoints.</param>
/// <param name="Met">True only when the report says "All user specified timing constraints are met."; false for
/// "Timing constraints are not met." and for "There are no user specified timing constraints."</param>
/// <param name="Verdict">That line as the report writes it.</param>
public sealed record TimingSummary(string? Device, SlackSummary Setup, SlackSummary Hold, SlackSummary PulseWidth, bool Met, string Verdict)
{
    /// <summary>True for "There are no user specified timing constraints.": nothing was checked, which is not a met clock.</summary>
    public bool Unconstrained => Verdict.Contains("no user specified timing constraints", StringComparison.Ordinal);

    /// <summary>The least of the setup, hold and pulse-width worst slacks (ns); negative when any check fails.</summary>
    public double? WorstSlackNs => new[] { Setup.WorstNs, Hold.WorstNs, PulseWidth.WorstNs }.Min();
}
