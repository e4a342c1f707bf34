using System.Globalization;
using System.Text.RegularExpressions;

namespace Quasar.HwGen.Vitis.Reports;

/// <summary>
/// Reads Vivado's <c>report_utilization</c> text (what <c>v++ -l</c> leaves after implementation, e.g.
/// <c>impl_1_full_util_routed.rpt</c> or <c>&lt;design&gt;_utilization_placed.rpt</c>). The rows read are the top-level
/// ones of the tables headed <c>| Site Type | Used | Fixed | [Prohibited |] Available | Util% |</c> (columns found by
/// name; releases before 2019 or so lack Prohibited): <c>CLB LUTs</c>, <c>CLB Registers</c> (UltraScale+; 7-series
/// <c>Slice LUTs</c>, <c>Slice Registers</c>, a trailing <c>*</c> of synthesized designs ignored), <c>Block RAM
/// Tile</c>, <c>URAM</c> (0 when the part has none and the row is absent) and <c>DSPs</c> (or a <c>DSP48E1</c> /
/// <c>DSP48E2</c> row at the top level). The first occurrence wins: later sections repeat some rows. Tables without
/// Used and Available columns (per-SLR, hierarchical, primitives) are skipped. A file without those rows is an
/// <see cref="InvalidDataException"/> naming the file and the rows missing.
/// </summary>
public static partial class UtilizationReportParser
{
    private static readonly string[] LutRows = ["CLB LUTs", "Slice LUTs"];
    private static readonly string[] RegisterRows = ["CLB Registers", "Slice Registers"];
    private static readonly string[] BlockRamRows = ["Block RAM Tile"];
    private static readonly string[] UltraRamRows = ["URAM"];
    private static readonly string[] DspRows = ["DSPs", "DSP48E1", "DSP48E2"];

    public static UtilizationReport Load(string path) => Parse(File.ReadAllLines(path), path);

    public static UtilizationReport Parse(IEnumerable<string> lines, string source)
    {
        ArgumentNullException.ThrowIfNull(lines);
        string? device = null;
        var rows = new Dictionary<string, (string Used, string Available)>(StringComparer.Ordinal);
        (int Used, int Available)? columns = null;
        bool inTable = false;
        foreach (var line in lines)
        {
            if (TextTable.RawCells(line) is not { } raw)
            {
                if (line.TrimStart().StartsWith('+')) continue; // a border
                inTable = false;
                columns = null;
                if (device is null && DeviceField().Match(line) is { Success: true } match) device = match.Groups["device"].Value;
                continue;
            }
            var cells = raw.Select(c => c.Trim()).ToArray();
            if (!inTable)
            {
                inTable = true; // the first row of a table is its header
                int used = Array.IndexOf(cells, "Used"), available = Array.IndexOf(cells, "Available");
                columns = cells[0] == "Site Type" && used > 0 && available > 0 ? (used, available) : null;
                continue;
            }
            // A sub-row ("|   LUT as Logic") is indented past the one space of a top-level row.
            if (columns is not { } at || raw[0].Length - raw[0].TrimStart().Length > 1) continue;
            var name = cells[0].TrimEnd('*').TrimEnd();
            if (Math.Max(at.Used, at.Available) < cells.Length) rows.TryAdd(name, (cells[at.Used], cells[at.Available]));
        }

        var wanted = new[] { LutRows, RegisterRows, BlockRamRows, DspRows };
        var missing = wanted.Where(names => !names.Any(rows.ContainsKey)).Select(names => string.Join(" or ", names)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException(
                $"{source}: no {string.Join(", no ", missing)} row in a | Site Type | Used | ... | Available | table: truncated or not a Vivado utilization report?");
        }
        (string Name, string Used, string Available) Row(string[] names) =>
            names.Where(rows.ContainsKey).Select(n => (n, rows[n].Used, rows[n].Available)).First();
        ResourceUsage Usage(Func<(string Name, string Used, string Available), string> column) => new(
            BlockRamHalves(Row(BlockRamRows), column, source),
            Count(Row(DspRows), column, source),
            Count(Row(RegisterRows), column, source),
            Count(Row(LutRows), column, source),
            rows.ContainsKey(UltraRamRows[0]) ? Count(Row(UltraRamRows), column, source) : 0);
        return new UtilizationReport(device, Usage(r => r.Used), Usage(r => r.Available));
    }

    private static int Count((string Name, string Used, string Available) row, Func<(string, string, string), string> column, string source)
    {
        var cell = column(row);
        return int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value : throw new InvalidDataException($"{source}: the {row.Name} row says '{cell}' where a count belongs");
    }

    /// <summary>Block RAM tiles (36K, in halves: 201.5) as 18K blocks (403).</summary>
    private static int BlockRamHalves((string Name, string Used, string Available) row, Func<(string, string, string), string> column, string source)
    {
        var cell = column(row);
        return decimal.TryParse(cell, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal tiles) && decimal.IsInteger(tiles * 2)
            ? (int)(tiles * 2) : throw new InvalidDataException($"{source}: the {row.Name} row says '{cell}' where a count of tiles (in halves) belongs");
    }

    [GeneratedRegex(@"^\|\s*Device\s*:\s*(?<device>\S+)\s*$")]
    private static partial Regex DeviceField();
}
