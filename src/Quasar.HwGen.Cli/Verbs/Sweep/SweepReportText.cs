using System.Globalization;
using System.Text;
using Quasar.HwGen.Cli.Verbs.Reporting;

namespace Quasar.HwGen.Cli.Verbs.Sweep;

/// <summary>The terminal text of a <see cref="SweepReport"/>: the designs, each finished one's table, the calibration.</summary>
internal static class SweepReportText
{
    public static string Format(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var ci = CultureInfo.InvariantCulture;
        var text = new StringBuilder(SweepSummary.Format(report.Layout, report.Outcomes));
        foreach (var design in report.Designs.Values)
        {
            text.AppendLine();
            text.Append(ReportTable.Format(design));
        }
        text.AppendLine();
        if (report.Calibration is not { } calibration)
        {
            text.AppendLine("calibration: none yet (no design finished)");
            return text.ToString();
        }
        text.AppendLine(ci, $"calibration ({report.Layout.Relative(report.Layout.Calibration)}), fitted constants:");
        foreach (var c in calibration.Constants) text.AppendLine(ci, $"  {c.Name,-20} {c.Default,12:0.####} -> {c.Fitted,12:0.####}");
        foreach (var note in calibration.NotFitted) text.AppendLine(ci, $"  not fitted: {note}");
        text.AppendLine("residuals after the fit (model vs report):");
        foreach (var r in calibration.Residuals)
            text.AppendLine(ci, $"  {r.Report,-24} {r.Figure,-18} model {r.Model,14:0.##}  report {r.Reported,14:0.##}  {ReportTable.Percent(r.Percent),9}");
        return text.ToString();
    }
}
