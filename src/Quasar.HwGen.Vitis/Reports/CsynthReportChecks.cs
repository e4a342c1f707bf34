using System.Globalization;

namespace Quasar.HwGen.Vitis.Reports;

/// <summary>
/// What in a csynth report contradicts a successful synthesis, whatever the log says: an estimated clock period
/// beyond the target's budget (period minus uncertainty, as HLS 200-871 counts it), and resources beyond the part's.
/// Each problem names the figures it read.
/// </summary>
public static class CsynthReportChecks
{
    public static IReadOnlyList<string> Problems(CsynthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var ci = CultureInfo.InvariantCulture;
        var problems = new List<string>();
        double budget = report.TargetClockPeriodNs - (report.ClockUncertaintyNs ?? 0);
        if (report.EstimatedClockPeriodNs is double estimated && estimated > budget)
        {
            problems.Add(string.Create(ci,
                $"timing not met: estimated clock period {estimated:0.###} ns exceeds the budget of {budget:0.###} ns (target {report.TargetClockPeriodNs:0.###} ns, uncertainty {report.ClockUncertaintyNs ?? 0:0.###} ns)"));
        }
        if (report.Available is { } available)
        {
            var used = report.Resources;
            foreach (var (name, count, limit) in new[]
            {
                ("BRAM_18K", used.Bram18K, available.Bram18K), ("DSP", used.Dsp, available.Dsp), ("FF", used.Ff, available.Ff),
                ("LUT", used.Lut, available.Lut), ("URAM", used.Uram, available.Uram),
            })
            {
                if (count > limit) problems.Add(string.Create(ci, $"resources over the part: {count:N0} {name} of the {report.Part}'s {limit:N0}"));
            }
        }
        return problems;
    }
}
