using System.Globalization;

namespace Quasar.HwGen.Vitis.Cycles;

/// <summary>The text `quasar csim --cycles` prints for a <see cref="CycleComparison"/>: a row per op, the total and the verdict.</summary>
public static class CycleTable
{
    /// <summary>How many calls beyond the tolerance the verdict names before it only counts the rest.</summary>
    public const int ListedCalls = 10;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyList<string> Format(CycleComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var ops = comparison.Ops;
        int width = Math.Max("op".Length, ops.Count == 0 ? 0 : ops.Max(o => o.Layer.Length));
        var lines = new List<string>
        {
            string.Create(Invariant, $"{"op".PadRight(width)}  {"calls",5}  {"counted/call",12}  {"model/call",12}  {"counted/model",13}  binding"),
        };
        foreach (var op in ops)
        {
            var binding = CycleLines.FieldName(op.Binding)
                + (op.ModelBinding == op.Binding ? "" : $" (model: {CycleLines.FieldName(op.ModelBinding)})");
            lines.Add(string.Create(Invariant,
                $"{op.Layer.PadRight(width)}  {op.Calls,5}  {op.CountedPerCall,12:N0}  {op.ModelPerCall,12:N0}  {op.Ratio,13:F3}  {binding}"));
        }
        lines.Add(Total(comparison));
        lines.AddRange(Verdict(comparison));
        return lines;
    }

    private static string Total(CycleComparison c) => string.Create(Invariant,
        $"total: {c.Calls.Count} calls, counted {c.CountedTotal:N0} cycles, model {c.ModelTotal:N0}, counted/model {c.Ratio:F3}; "
        + $"{c.Microseconds(c.CountedTotal):N1} µs counted, {c.Microseconds(c.ModelTotal):N1} µs modelled at {c.Engine.ClockMhz:0.#} MHz "
        + $"({c.Microseconds(c.CountedTotal) / Math.Max(1, c.Images):N1} µs counted an image over {c.Images} image(s))");

    private static IEnumerable<string> Verdict(CycleComparison c)
    {
        if (c.Calls.Count == 0)
        {
            yield return "cycles: no CYCLES line, so nothing was counted (is the project's include/quasar older than the cycle accounting? regenerate it)";
            yield break;
        }
        var beyond = c.Beyond;
        if (beyond.Count == 0)
        {
            yield return string.Create(Invariant,
                $"cycles: every call within {c.Tolerance:0.#%} of the model (max deviation {c.MaxDeviation:0.00%}); {c.ExactCalls} of {c.Calls.Count} calls equal it process by process");
            yield break;
        }
        yield return string.Create(Invariant,
            $"cycles: {beyond.Count} of {c.Calls.Count} calls beyond {c.Tolerance:0.#%} of the model (max deviation {c.MaxDeviation:0.00%}):");
        foreach (var call in beyond.Take(ListedCalls))
        {
            var differing = string.Join(", ", call.DifferingCounts());
            yield return string.Create(Invariant,
                $"  {call.Counted.Layer} image {call.Counted.Image}: counted {call.Counted.Total:N0}, model {call.Model.Total:N0} ({call.Ratio - 1:+0.0%;-0.0%}; differing: {differing})");
        }
        if (beyond.Count > ListedCalls) yield return string.Create(Invariant, $"  ... and {beyond.Count - ListedCalls} more");
    }
}
