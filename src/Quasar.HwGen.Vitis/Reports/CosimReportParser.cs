using System.Globalization;

namespace Quasar.HwGen.Vitis.Reports;

/// <summary>
/// Reads the table rows <c>|   Verilog|      Pass|  min|  avg|  max|  min|  avg|  max|</c> of a cosim report, and the
/// ninth column (Total Execution Time) that Vitis 2022.2 and later add.
/// </summary>
public static class CosimReportParser
{
    private const int Columns = 8;
    private const int ColumnsWithTotal = 9;

    public static CosimReport Load(string path) => Parse(File.ReadAllLines(path), path);

    public static CosimReport Parse(IEnumerable<string> lines, string source)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var rows = new List<CosimRow>();
        foreach (var line in lines)
        {
            var text = line.Trim();
            if (!text.StartsWith('|')) continue;
            var cells = text.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length is not (Columns or ColumnsWithTotal) || cells[0] is not ("Verilog" or "VHDL" or "SystemC")) continue;
            rows.Add(new CosimRow(cells[0], cells[1], Cycles(cells[2], source), Cycles(cells[3], source), Cycles(cells[4], source),
                Cycles(cells[5], source), Cycles(cells[6], source), Cycles(cells[7], source),
                cells.Length == ColumnsWithTotal ? Cycles(cells[8], source) : null));
        }
        return rows.Count > 0 ? new CosimReport(rows) : throw new InvalidDataException($"{source}: no RTL rows (| Verilog| Pass| ...) — not a cosim report?");
    }

    private static long? Cycles(string cell, string source) =>
        cell == "NA" ? null
        : long.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw new InvalidDataException($"{source}: '{cell}' is neither a cycle count nor NA");
}
