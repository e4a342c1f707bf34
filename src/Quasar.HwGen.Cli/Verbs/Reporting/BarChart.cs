using System.Globalization;
using System.Security;
using System.Text;

namespace Quasar.HwGen.Cli.Verbs.Reporting;

/// <summary>
/// A horizontal bar chart as inline SVG, for a page read offline: per group a bar of the tool's figure (dark) above
/// one of the model's (light), on a shared scale from 0, each with its value written beside it. No namespace URL and
/// no script: an HTML page's inline SVG needs neither.
/// </summary>
internal static class BarChart
{
    private const double Width = 760, LabelWidth = 300, ValueWidth = 90, BarHeight = 14, GroupGap = 10, Top = 28, Bottom = 22;
    private const string ReportColour = "#1f5fbf", ModelColour = "#9cc3f0";

    public static string Svg(string title, IReadOnlyList<ChartGroup> groups, string reportedBy)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var ci = CultureInfo.InvariantCulture;
        // A chart of the model's figures alone (no tool reported any) draws one bar a group and no "no figure" notes.
        bool anyReported = groups.Any(g => g.Reported is not null);
        double max = groups.SelectMany(g => new[] { g.Reported, g.Model }).OfType<double>().DefaultIfEmpty(0).Max();
        if (!(max > 0)) max = 1;
        double span = Width - LabelWidth - ValueWidth;
        double height = Top + groups.Count * (2 * BarHeight + GroupGap) + Bottom;
        var svg = new StringBuilder();
        svg.AppendLine(ci, $"""<svg width="{Width}" height="{height}" viewBox="0 0 {Width} {height}" font-family="sans-serif" font-size="12" role="img">""");
        svg.AppendLine(ci, $"""<title>{Escape(title)}</title>""");
        svg.AppendLine(ci, $"""<text x="0" y="16" font-size="13" font-weight="bold">{Escape(title)}</text>""");
        double y = Top;
        foreach (var group in groups)
        {
            svg.AppendLine(ci, $"""<text x="{LabelWidth - 6}" y="{y + BarHeight + 4:0.#}" text-anchor="end">{Escape(group.Label)}</text>""");
            if (anyReported) Bar(svg, y, group.Reported, ReportColour, reportedBy);
            Bar(svg, y + BarHeight, group.Model, ModelColour, "model");
            y += 2 * BarHeight + GroupGap;
        }
        if (anyReported) svg.AppendLine(ci, $"""<rect x="{LabelWidth}" y="{y + 6:0.#}" width="10" height="10" fill="{ReportColour}"/><text x="{LabelWidth + 14}" y="{y + 15:0.#}">{Escape(reportedBy)}</text>""");
        svg.AppendLine(ci, $"""<rect x="{LabelWidth + 200}" y="{y + 6:0.#}" width="10" height="10" fill="{ModelColour}"/><text x="{LabelWidth + 214}" y="{y + 15:0.#}">hardware model</text>""");
        svg.AppendLine("</svg>");
        return svg.ToString();

        void Bar(StringBuilder s, double top, double? value, string colour, string who)
        {
            if (value is not double v)
            {
                s.AppendLine(ci, $"""<text x="{LabelWidth + 4}" y="{top + BarHeight - 3:0.#}" fill="#777">no {Escape(who)} figure</text>""");
                return;
            }
            double w = Math.Max(0, v / max * span);
            s.AppendLine(ci, $"""<rect x="{LabelWidth}" y="{top + 1:0.#}" width="{w:0.#}" height="{BarHeight - 2}" fill="{colour}"/>""");
            s.AppendLine(ci, $"""<text x="{LabelWidth + w + 4:0.#}" y="{top + BarHeight - 3:0.#}">{v:#,0.###}</text>""");
        }
    }

    private static string Escape(string text) => SecurityElement.Escape(text);
}
