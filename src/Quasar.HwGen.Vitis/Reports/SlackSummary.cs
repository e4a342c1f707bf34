namespace Quasar.HwGen.Vitis.Reports;

/// <summary>
/// One check of a Vivado timing summary (setup, hold or pulse width): worst and total negative slack in ns and the
/// endpoint counts. Null where the report says <c>NA</c> or <c>inf</c> (no path of that kind was timed).
/// </summary>
public sealed record SlackSummary(double? WorstNs, double? TotalNs, int? FailingEndpoints, int? TotalEndpoints);
