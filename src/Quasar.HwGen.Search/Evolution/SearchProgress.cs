using System.Globalization;
using System.Text;

namespace Quasar.HwGen.Search.Evolution;

/// <summary>One line of progress, reported after every generation (and after each target's uniform baseline).</summary>
/// <param name="BestAccuracies">Best accuracy so far per target; null for a target not started.</param>
public sealed record SearchProgress(
    int TargetIndex,
    IReadOnlyList<double> FpsTargets,
    int Generation,
    int Generations,
    IReadOnlyList<double?> BestAccuracies,
    int Evaluations,
    int RejectedForFps,
    TimeSpan Elapsed,
    TimeSpan? Remaining)
{
    /// <summary><c>target 2/3 (≥ 500 FPS) generation 7/20 | best: ≥ 300 FPS 85.10%, ≥ 500 FPS 83.41%, ≥ 800 FPS – | 412 evaluations, 87 rejected for FPS | ETA 1m12s</c></summary>
    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        var line = new StringBuilder();
        line.Append(ci, $"target {TargetIndex + 1}/{FpsTargets.Count} (≥ {FpsTargets[TargetIndex]:0.#} FPS) generation {Generation}/{Generations} | best: ");
        line.AppendJoin(", ", FpsTargets.Select((t, i) => string.Create(ci, $"≥ {t:0.#} FPS {(BestAccuracies[i] is { } a ? (100 * a).ToString("0.00", ci) + "%" : "–")}")));
        line.Append(ci, $" | {Evaluations} evaluations, {RejectedForFps} rejected for FPS | ETA {(Remaining is { } r ? Format(r) : "?")}");
        return line.ToString();
    }

    private static string Format(TimeSpan span) => span.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h{span.Minutes:00}m")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}m{span.Seconds:00}s");
}
