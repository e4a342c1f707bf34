using System.Globalization;
using System.Text.RegularExpressions;

namespace Quasar.HwGen.Vitis.Reports;

/// <summary>
/// Reads Vivado's <c>report_timing_summary</c> text (e.g. <c>impl_1_&lt;design&gt;_timing_summary_routed.rpt</c>): the
/// row of figures under the "Design Timing Summary" header (<c>WNS(ns) TNS(ns) TNS Failing Endpoints ... TPWS Total
/// Endpoints</c>, twelve columns separated by spaces) and the verdict line after it. A file without the table, its
/// row of figures or the verdict is an <see cref="InvalidDataException"/> naming the file and what is missing.
/// </summary>
public static partial class TimingSummaryParser
{
    private const string Met = "All user specified timing constraints are met.";
    private static readonly string[] Verdicts = [Met, "Timing constraints are not met.", "There are no user specified timing constraints."];
    private const int Columns = 12;

    public static TimingSummary Load(string path) => Parse(File.ReadAllLines(path), path);

    public static TimingSummary Parse(IReadOnlyList<string> lines, string source)
    {
        ArgumentNullException.ThrowIfNull(lines);
        int title = IndexOf(lines, 0, l => l.TrimStart('|', ' ').TrimEnd() == "Design Timing Summary");
        if (title < 0) throw Bad(source, "no \"Design Timing Summary\" table: not a Vivado timing summary report");
        int header = IndexOf(lines, title, l => l.TrimStart().StartsWith("WNS(ns)", StringComparison.Ordinal));
        // Under the header come a row of dashes and then the figures, which may start with a minus sign themselves.
        int figures = header < 0 ? -1 : IndexOf(lines, header + 1, l => l.Trim().Length > 0 && !l.Trim().All(c => c is '-' or ' '));
        var cells = figures < 0 ? [] : lines[figures].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (cells.Length != Columns || !cells.All(IsFigure))
            throw Bad(source, "the Design Timing Summary has no row of twelve figures under WNS(ns) ... TPWS Total Endpoints (truncated?)");
        var verdictLine = IndexOf(lines, figures + 1, l => Verdicts.Contains(l.Trim()));
        if (verdictLine < 0) throw Bad(source, $"no verdict after the Design Timing Summary (\"{Met}\" or \"{Verdicts[1]}\"): truncated?");
        var verdict = lines[verdictLine].Trim();
        var device = lines.Take(title).Select(l => DeviceField().Match(l)).FirstOrDefault(m => m.Success)?.Groups["device"].Value;
        return new TimingSummary(device, Slack(cells, 0, source), Slack(cells, 4, source), Slack(cells, 8, source), verdict == Met, verdict);
    }

    private static SlackSummary Slack(string[] cells, int first, string source) =>
        new(Nanoseconds(cells[first], source), Nanoseconds(cells[first + 1], source), Endpoints(cells[first + 2], source), Endpoints(cells[first + 3], source));

    private static bool IsFigure(string cell) => cell is "NA" or "inf" or "-inf" || double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static double? Nanoseconds(string cell, string source) =>
        cell is "NA" or "inf" or "-inf" ? null
        : double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value
        : throw Bad(source, $"'{cell}' in the Design Timing Summary is not a slack in ns");

    private static int? Endpoints(string cell, string source) =>
        cell == "NA" ? null
        : int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value
        : throw Bad(source, $"'{cell}' in the Design Timing Summary is not an endpoint count");

    private static int IndexOf(IReadOnlyList<string> lines, int from, Func<string, bool> match)
    {
        for (int i = from; i < lines.Count; i++)
        {
            if (match(lines[i])) return i;
        }
        return -1;
    }

    private static InvalidDataException Bad(string source, string what) => new($"{source}: {what}");

    [GeneratedRegex(@"^\|\s*Device\s*:\s*(?<device>\S+)\s*$")]
    private static partial Regex DeviceField();
}
