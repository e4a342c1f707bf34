using System.Security;
using System.Text;

namespace Quasar.HwGen.Cli.Verbs.Reporting;

/// <summary>
/// A <see cref="DesignReport"/> as one self-contained HTML page: inline CSS, the same table as the terminal, and an
/// inline SVG chart per resource and one of latency per call shape. Written as well-formed XML (every element closed,
/// every text escaped) so a test, or a user's tool, can parse it; it loads nothing from anywhere.
/// </summary>
internal static class ReportPage
{
    /// <summary>The pages' one style sheet (this page and the run page, RunReport.RunPage).</summary>
    internal const string Style = """
        body { font-family: sans-serif; margin: 2em; color: #222; }
        table { border-collapse: collapse; margin: 1em 0; }
        th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        code { font-size: 0.9em; }
        .charts { display: flex; flex-wrap: wrap; gap: 1.5em; }
        p.note { color: #555; }
        """;

    public static string Html(DesignReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\">");
        html.AppendLine($"<head><meta charset=\"utf-8\"/><title>{E(report.Title)}</title><style>{Style}</style></head>");
        html.AppendLine("<body>");
        html.AppendLine($"<h1>{E(report.Title)}</h1>");
        html.AppendLine($"<p>{E(report.Engine)}</p>");
        html.AppendLine("<ul>");
        foreach (var line in report.Sources.Append(report.Model)) html.AppendLine($"<li>{E(line)}</li>");
        html.AppendLine("</ul>");
        html.AppendLine("<p class=\"note\">csynth estimates, cosim measures in RTL simulation, Vivado implements; the model column is the hardware model's figure for the same engine.</p>");
        Table(html, report);
        html.AppendLine("<h2>What binds</h2><ul>");
        foreach (var line in report.Binding) html.AppendLine($"<li>{E(line)}</li>");
        html.AppendLine("</ul>");
        html.AppendLine("<h2>Model against report</h2><div class=\"charts\">");
        foreach (var chart in Charts(report)) html.Append(chart);
        html.AppendLine("</div>");
        html.AppendLine("</body>");
        html.AppendLine("</html>");
        return html.ToString();
    }

    /// <summary>One chart per resource any report gives, then one of latency per call when there are golden calls.</summary>
    public static IEnumerable<string> Charts(DesignReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var name in ReportRows.ResourceNames)
        {
            var groups = report.Rows.Where(r => r.Figure == name).Select(r => new ChartGroup(r.Source, r.Reported, r.Model)).ToList();
            if (groups.Count > 0) yield return BarChart.Svg(name, groups, "tool's figure");
        }
        var latency = report.Shapes.Select(s => new ChartGroup(s.Name, null, s.Model.Total))
            .Concat(report.Rows.Where(r => r.Source == ReportRow.Cosim && r.Figure.StartsWith("latency", StringComparison.Ordinal))
                .Select(r => new ChartGroup(r.Figure.Replace(" (cycles)", "", StringComparison.Ordinal) + " (all calls)", r.Reported, r.Model)))
            .ToList();
        if (latency.Count > 0) yield return BarChart.Svg("latency per call (cycles): model per shape, cosim over all calls", latency, "cosim (measured)");
    }

    internal static void Table(StringBuilder html, DesignReport report)
    {
        html.AppendLine("<table>");
        html.AppendLine("<tr>" + string.Concat(ReportTable.Header.Select(h => $"<th>{E(h)}</th>")) + "</tr>");
        foreach (var row in report.Rows)
        {
            var cells = ReportTable.Cells(row);
            html.AppendLine("<tr>" + string.Concat(cells.Select((c, i) => i < 2 ? $"<td>{E(c)}</td>" : $"<td class=\"n\">{E(c)}</td>")) + "</tr>");
        }
        html.AppendLine("</table>");
    }

    private static string E(string text) => SecurityElement.Escape(text);
}
