using System.Globalization;
using System.Text.RegularExpressions;

namespace Quasar.HwGen.Vitis.Reports;

/// <summary>
/// Reads the text C-synthesis report <c>&lt;top&gt;_csynth.rpt</c> (and <c>csynth.rpt</c> where it is the same report),
/// the fallback when no readable csynth.xml exists. Two table layouts: Vivado HLS up to 2019.1 writes
/// <c>+ Timing (ns):</c> and a five-column latency summary (latency and interval min/max, pipeline type); Vivado HLS
/// 2019.2 and Vitis HLS write <c>+ Timing:</c> with "ns" in the cells and a seven-column one (latency in cycles and
/// absolute, interval, pipeline type). The DSP column is <c>DSP48E</c> in Vivado HLS and <c>DSP</c> in Vitis HLS.
/// <c>?</c> (and <c>undef</c>, as the XML writes it) read as null.
/// Not read: the loop table (its nesting is only indentation and its columns change between releases, so
/// <see cref="CsynthReport.Loops"/> is empty) and the average latency, which text reports do not give.
/// The summary <c>csynth.rpt</c> of Vitis HLS 2022.1 and later ("Synthesis Summary Report") has neither the target
/// clock nor the part's resources and is refused. A truncated or foreign file is an <see cref="InvalidDataException"/>
/// naming the file and what is missing.
/// </summary>
public static partial class CsynthTextReportParser
{
    public static CsynthReport Load(string path) => Parse(File.ReadAllLines(path), path);

    public static CsynthReport Parse(IReadOnlyList<string> lines, string source)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var title = lines.Select(l => Title().Match(l)).FirstOrDefault(m => m.Success);
        if (title is null)
        {
            throw lines.Any(l => l.Contains("== Synthesis Summary Report of", StringComparison.Ordinal))
                ? Bad(source, "is the synthesis summary of Vitis HLS 2022.1 or later, which gives neither the target clock nor the part's resources; read <top>_csynth.rpt or csynth.xml")
                : Bad(source, "no \"== Vivado HLS Report for '<top>'\" or \"== Vitis HLS Report for '<top>'\" line: not a C-synthesis text report");
        }
        int performance = Find(lines, 0, l => l.Trim() == "== Performance Estimates", source, "no \"== Performance Estimates\" section");
        int timing = Find(lines, performance, l => l.TrimStart().StartsWith("+ Timing", StringComparison.Ordinal), source, "no \"+ Timing\" table");
        int latency = Find(lines, timing, l => l.TrimStart().StartsWith("+ Latency", StringComparison.Ordinal), source, "no \"+ Latency\" table");
        int utilization = Find(lines, latency, l => l.Trim() == "== Utilization Estimates", source, "no \"== Utilization Estimates\" section");

        var header = lines.Take(performance).Select(l => HeaderField().Match(l)).Where(m => m.Success)
            .GroupBy(m => m.Groups["key"].Value.Trim(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Groups["value"].Value.Trim(), StringComparer.Ordinal);
        var clock = ClockRow(lines, timing, latency, source);
        var (latencyMin, latencyMax, intervalMin, intervalMax) = LatencySummary(lines, latency, utilization, source);
        var (used, available) = Utilization(lines, utilization, source);
        return new CsynthReport(
            header.TryGetValue("Version", out var version) ? version.Split(' ')[0] : null,
            header.TryGetValue("Target device", out var part) && part.Length > 0 ? part : throw Bad(source, "no \"* Target device:\" line"),
            title.Groups["top"].Value,
            Nanoseconds(clock[1], source) ?? throw Bad(source, $"the target clock is '{clock[1]}'"),
            Nanoseconds(clock[3], source),
            header.TryGetValue("Solution", out var solution) ? FlowTarget(solution) : null,
            Nanoseconds(clock[2], source),
            latencyMin,
            null,
            latencyMax,
            intervalMin,
            intervalMax,
            [],
            used,
            available);
    }

    /// <summary>The clock row (<c>|ap_clk | Target | Estimated | Uncertainty |</c>) of the timing table.</summary>
    private static string[] ClockRow(IReadOnlyList<string> lines, int from, int to, string source) =>
        TextTable.Rows(lines, from, to).FirstOrDefault(cells => cells.Length == 4 && cells[0] != "Clock")
        ?? throw Bad(source, "the timing table has no clock row (| Clock | Target | Estimated | Uncertainty |)");

    private const int ColumnsBefore2019_2 = 5;
    private const int ColumnsSince2019_2 = 7;

    /// <summary>The row under the summary's second header row, the one ending in <c>Type</c>.</summary>
    private static (long?, long?, long?, long?) LatencySummary(IReadOnlyList<string> lines, int from, int to, string source)
    {
        int header = TextTable.FindRow(lines, from, to, cells => cells[^1] == "Type");
        var cells = (header < 0 ? null : TextTable.Block(lines, header).Skip(1).FirstOrDefault())
            ?? throw Bad(source, "the latency summary has no row of figures (truncated?)");
        return cells.Length switch
        {
            ColumnsBefore2019_2 => (Count(cells[0], source), Count(cells[1], source), Count(cells[2], source), Count(cells[3], source)),
            ColumnsSince2019_2 => (Count(cells[0], source), Count(cells[1], source), Count(cells[4], source), Count(cells[5], source)),
            _ => throw Bad(source, $"the latency summary has {cells.Length} columns, not {ColumnsBefore2019_2} (Vivado HLS to 2019.1) or {ColumnsSince2019_2} (2019.2 and later)"),
        };
    }

    /// <summary>The <c>Total</c> and <c>Available</c> rows of the utilization summary (not <c>Available SLR</c>).</summary>
    private static (ResourceUsage Used, ResourceUsage? Available) Utilization(IReadOnlyList<string> lines, int from, string source)
    {
        int header = TextTable.FindRow(lines, from, lines.Count, cells => cells[0] == "Name");
        if (header < 0) throw Bad(source, "the utilization summary has no header row (| Name | BRAM_18K | ...)");
        var rows = TextTable.Block(lines, header).ToList();
        var columns = rows[0];
        var total = rows.FirstOrDefault(cells => cells[0] == "Total") ?? throw Bad(source, "the utilization summary has no Total row (truncated?)");
        var available = rows.FirstOrDefault(cells => cells[0] == "Available");
        return (Resources(columns, total, source), available is null ? null : Resources(columns, available, source));
    }

    private static ResourceUsage Resources(string[] columns, string[] row, string source)
    {
        int Get(string name, bool optional = false, string? alternative = null)
        {
            int index = Array.FindIndex(columns, c => c == name || c == alternative);
            if (index < 0) return optional ? 0 : throw Bad(source, $"the utilization summary has no {name}{(alternative is null ? "" : " or " + alternative)} column");
            var cell = index < row.Length ? row[index] : "";
            if (cell == "-") return 0;
            return int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
                ? value : throw Bad(source, $"{columns[index]} of the {row[0]} row is '{cell}', not a count");
        }
        return new ResourceUsage(Get("BRAM_18K"), Get("DSP", alternative: "DSP48E"), Get("FF"), Get("LUT"), Get("URAM", optional: true));
    }

    private static int Find(IReadOnlyList<string> lines, int from, Func<string, bool> match, string source, string missing)
    {
        for (int i = from; i < lines.Count; i++)
        {
            if (match(lines[i])) return i;
        }
        throw Bad(source, $"{missing} (truncated or not a C-synthesis report?)");
    }

    /// <summary>"(Vitis Kernel Flow Target)" → vitis, "(Vivado IP Flow Target)" → vivado, as csynth.xml's FlowTarget.</summary>
    private static string? FlowTarget(string solution) =>
        solution.Contains("(Vitis Kernel Flow Target)", StringComparison.Ordinal) ? "vitis"
        : solution.Contains("(Vivado IP Flow Target)", StringComparison.Ordinal) ? "vivado"
        : null;

    private static bool IsUnknown(string cell) => cell is "?" or "undef";

    private static long? Count(string cell, string source) =>
        IsUnknown(cell) ? null
        : long.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out long value) ? value
        : throw Bad(source, $"'{cell}' in the latency summary is not a cycle count, ? or undef");

    /// <summary>A period: <c>6.67</c> (Vivado HLS to 2019.1) or <c>6.67 ns</c> (later).</summary>
    private static double? Nanoseconds(string cell, string source)
    {
        if (IsUnknown(cell)) return null;
        var text = cell.EndsWith("ns", StringComparison.Ordinal) ? cell[..^2].TrimEnd() : cell;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value : throw Bad(source, $"'{cell}' in the timing table is not a period in ns");
    }

    private static InvalidDataException Bad(string source, string what) => new($"{source}: {what}");

    [GeneratedRegex(@"^==\s+(?:Vivado|Vitis) HLS Report for '(?<top>[^']+)'\s*$")]
    private static partial Regex Title();

    [GeneratedRegex(@"^\s*\*\s+(?<key>[A-Za-z ]+):(?<value>.*)$")]
    private static partial Regex HeaderField();
}
