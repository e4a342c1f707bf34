using System.Globalization;
using System.Text;

namespace Quasar.HwGen.Cli.Verbs.Reporting;

/// <summary>The terminal text of a <see cref="DesignReport"/>: sources, the figures table, the shapes, what binds.</summary>
internal static class ReportTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static readonly string[] Header = ["figure", "reported by", "reported", "model", "model vs report", "of limit (model)"];

    public static string Format(DesignReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine(report.Title);
        text.AppendLine(report.Engine);
        foreach (var source in report.Sources) text.AppendLine(source);
        text.AppendLine(report.Model);
        text.AppendLine();
        var cells = report.Rows.Select(Cells).Prepend(Header).ToList();
        var widths = Enumerable.Range(0, Header.Length).Select(i => cells.Max(r => r[i].Length)).ToArray();
        foreach (var row in cells)
        {
            // Text columns left-aligned, numbers right-aligned.
            var padded = row.Select((cell, i) => i < 2 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]));
            text.AppendLine(string.Join("  ", padded).TrimEnd());
        }
        if (report.Shapes.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("model cycles per golden call shape (batches×m×n×k; cosim measures no shape on its own):");
            int width = report.Shapes.Max(s => s.Name.Length);
            foreach (var shape in report.Shapes)
            {
                text.AppendLine(string.Create(Invariant,
                    $"  {shape.Name.PadRight(width)}  {shape.Calls,4} call(s)  {shape.Model.Total,12:N0} cycles/call  bound by {DesignReport.Role(shape.Model.Binding)} ({Hardware.Latency.KernelBottlenecks.Name(shape.Model.Binding)})"));
            }
        }
        text.AppendLine();
        foreach (var line in report.Binding) text.AppendLine(line);
        return text.ToString();
    }

    /// <summary>The six cells of a row, as text.</summary>
    public static string[] Cells(ReportRow row) =>
    [
        row.Figure,
        row.Source,
        row.Reported is double r ? Number(row, r) : row.Missing ?? "n/a",
        row.Model is double m ? Number(row, m) : "not modelled",
        // Both figures but no percent: the report says 0 where the model does not.
        row.Percent is null && row.Reported is not null && row.Model is not null ? "n/a" : Percent(row.Percent),
        row.Share is double s ? string.Create(Invariant, $"{s:0.0%}") + (row.ModelShare is double ms ? string.Create(Invariant, $" ({ms:0.0%})") : "") : "",
    ];

    public static string Percent(double? percent) =>
        percent is double p ? p.ToString("+0.0;-0.0;0.0", Invariant) + "%" : "";

    private static string Number(ReportRow row, double value) =>
        row.Figure.EndsWith("(ns)", StringComparison.Ordinal) ? value.ToString("0.000", Invariant) : value.ToString("N0", Invariant);
}
