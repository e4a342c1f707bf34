namespace Quasar.HwGen.Vitis.Reports;

/// <summary>
/// The cells of one row of the ASCII tables in HLS and Vivado text reports (<c>|ap_clk  |  6.67 ns|  4.870 ns|</c>),
/// however far the table is indented. Borders (<c>+----+</c>) and other lines are not rows.
/// </summary>
internal static class TextTableRow
{
    /// <summary>The cells, untrimmed (Vivado marks a sub-row by the indentation of its first cell); null for a non-row.</summary>
    public static string[]? RawCells(string line)
    {
        var text = line.Trim();
        if (text.Length < 2 || text[0] != '|' || text[^1] != '|') return null;
        return text[1..^1].Split('|');
    }

    /// <summary>The cells, trimmed; null for a non-row.</summary>
    public static string[]? Cells(string line) => RawCells(line)?.Select(c => c.Trim()).ToArray();
}
