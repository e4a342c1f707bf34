namespace Quasar.HwGen.Vitis.Reports;

/// <summary>
/// The ASCII tables of HLS and Vivado text reports: a row is <c>|ap_clk  |  6.67 ns|  4.870 ns|</c>, however far the
/// table is indented; borders (<c>+----+</c>) and other lines are not rows.
/// </summary>
internal static class TextTable
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

    /// <summary>The table rows (cells trimmed) between two line indexes.</summary>
    public static IEnumerable<string[]> Rows(IReadOnlyList<string> lines, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (Cells(lines[i]) is { } cells) yield return cells;
        }
    }

    /// <summary>The index of the first row between two line indexes that matches; -1 if none.</summary>
    public static int FindRow(IReadOnlyList<string> lines, int from, int to, Func<string[], bool> match)
    {
        for (int i = from; i < to; i++)
        {
            if (Cells(lines[i]) is { } cells && match(cells)) return i;
        }
        return -1;
    }

    /// <summary>
    /// The rows of the table holding line <paramref name="start"/>, from there to its end (the first line that is
    /// neither a row nor a border), so that a truncated table never borrows a row of the next one.
    /// </summary>
    public static IEnumerable<string[]> Block(IReadOnlyList<string> lines, int start)
    {
        for (int i = start; i < lines.Count && lines[i].TrimStart() is ['|' or '+', ..]; i++)
        {
            if (Cells(lines[i]) is { } cells) yield return cells;
        }
    }
}
