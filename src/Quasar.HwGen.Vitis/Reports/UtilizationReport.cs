namespace Quasar.HwGen.Vitis.Reports;

/// <summary>
/// What Vivado's <c>report_utilization</c> says a placed or routed design uses, in the units of a csynth report so the
/// two compare: <see cref="ResourceUsage.Bram18K"/> counts 18K halves, two per Block RAM tile (Vivado counts tiles,
/// 36K each, and a half-used tile as 0.5).
/// </summary>
/// <param name="Device">The header's <c>Device</c> as Vivado spells it (<c>xczu9eg-ffvb1156-2-e</c> in recent
/// releases, <c>xczu7evffvc1156-2</c> or <c>7z020clg400-1</c> in older ones); null when the header is missing.</param>
public sealed record UtilizationReport(string? Device, ResourceUsage Used, ResourceUsage Available);
