namespace Quasar.HwGen.Vitis.Reports;

/// <summary>The reports of a v++ link's implementation that <see cref="ImplementationReports"/> found; null when none.</summary>
/// <param name="Utilization">A <c>report_utilization</c> of the whole design (<see cref="UtilizationReportParser"/>).</param>
/// <param name="TimingSummary">A routed <c>report_timing_summary</c> (<see cref="TimingSummaryParser"/>).</param>
/// <param name="SearchedFolders">Where it looked, in order, for messages that say so.</param>
public sealed record ImplementationReportFiles(string? Utilization, string? TimingSummary, IReadOnlyList<string> SearchedFolders);
