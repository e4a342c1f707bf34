using Quasar.HwGen.Vitis.Reports;

namespace Quasar.HwGen.Vitis.Vpp;

/// <summary>What a link's implementation reports say (null: none found), and the problems they show (none: it passed).</summary>
public sealed record LinkReports(ImplementationReportFiles Files, UtilizationReport? Utilization, TimingSummary? Timing, IReadOnlyList<string> Problems);
