using System.Globalization;
using System.Security;
using System.Text;
using Quasar.HwGen.Cli.Verbs.Reporting;

namespace Quasar.HwGen.Cli.Verbs.Sweep;

/// <summary>
/// A <see cref="SweepReport"/> as one self-contained page (inline CSS and SVG, the report page's style sheet): the
/// designs and their outcome, one chart per resource of every finished design's csynth figure against the model's,
/// each design's table, and the calibration's constants and residuals. Well-formed XML, as the other pages.
/// </summary>
internal static class SweepPage
{
    public static string Html(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var ci = CultureInfo.InvariantCulture;
        var title = $"Sweep {report.Layout.Root}";
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\">");
        html.AppendLine($"<head><meta charset=\"utf-8\"/><title>{E(title)}</title><style>{ReportPage.Style}</style></head>");
        html.AppendLine("<body>");
        html.AppendLine($"<h1>{E(title)}</h1>");
        html.AppendLine(ci, $"<p>{report.Outcomes.Count(o => o.IsDone)} of {report.Outcomes.Count} design(s) done.</p>");
        html.AppendLine("<table><tr><th>design</th><th>task</th><th>job</th><th>state</th><th>result</th></tr>");
        foreach (var o in report.Outcomes)
        {
            html.AppendLine(ci,
                $"<tr><td>{E(o.Task.Design.Name)}</td><td class=\"n\">{o.Task.Index}</td><td>{E(o.Task.JobId ?? "-")}</td><td>{E(o.Task.State ?? "-")}</td><td>{E(o.Describe())}</td></tr>");
        }
        html.AppendLine("</table>");
        if (report.Designs.Count > 0)
        {
            html.AppendLine("<h2>Synthesized figures against the model</h2><div class=\"charts\">");
            foreach (var name in ReportRows.ResourceNames)
            {
                var groups = report.Designs.Select(d => d.Value.Rows.FirstOrDefault(r => r.Figure == name && r.Source == ReportRow.Csynth) is { } row
                    ? new ChartGroup(d.Key, row.Reported, row.Model) : null).OfType<ChartGroup>().ToList();
                if (groups.Any(g => g.Reported is > 0 || g.Model is > 0)) html.Append(BarChart.Svg(name + " by design", groups, ReportRow.Csynth));
            }
            html.AppendLine("</div>");
        }
        foreach (var (name, design) in report.Designs)
        {
            html.AppendLine($"<h2>{E(design.Title)}</h2>");
            html.AppendLine($"<p>{E(design.Engine)}</p>");
            ReportPage.Table(html, design);
        }
        Calibration(html, report);
        html.AppendLine("</body>");
        html.AppendLine("</html>");
        return html.ToString();
    }

    private static void Calibration(StringBuilder html, SweepReport report)
    {
        var ci = CultureInfo.InvariantCulture;
        html.AppendLine("<h2>Calibration</h2>");
        if (report.Calibration is not { } calibration)
        {
            html.AppendLine("<p>None yet: no design finished.</p>");
            return;
        }
        html.AppendLine($"<p>{E(report.Layout.Relative(report.Layout.Calibration))}: the model's constants fitted to the finished designs' reports (docs/calibration.md).</p>");
        html.AppendLine("<table><tr><th>constant</th><th>default</th><th>fitted</th></tr>");
        foreach (var c in calibration.Constants)
            html.AppendLine(ci, $"<tr><td>{E(c.Name)}</td><td class=\"n\">{c.Default:0.####}</td><td class=\"n\">{c.Fitted:0.####}</td></tr>");
        html.AppendLine("</table>");
        if (calibration.NotFitted.Count > 0)
        {
            html.AppendLine("<ul>");
            foreach (var note in calibration.NotFitted) html.AppendLine($"<li>not fitted: {E(note)}</li>");
            html.AppendLine("</ul>");
        }
        html.AppendLine("<h3>Residuals after the fit</h3>");
        html.AppendLine("<table><tr><th>report</th><th>figure</th><th>model</th><th>report</th><th>model vs report</th></tr>");
        foreach (var r in calibration.Residuals)
        {
            html.AppendLine(ci,
                $"<tr><td>{E(r.Report)}</td><td>{E(r.Figure)}</td><td class=\"n\">{r.Model:0.##}</td><td class=\"n\">{r.Reported:0.##}</td><td class=\"n\">{E(ReportTable.Percent(r.Percent))}</td></tr>");
        }
        html.AppendLine("</table>");
    }

    private static string E(string text) => SecurityElement.Escape(text);
}
