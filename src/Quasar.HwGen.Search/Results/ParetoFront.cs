namespace Quasar.HwGen.Search.Results;

/// <summary>The candidates no other candidate beats in both accuracy and FPS.</summary>
public static class ParetoFront
{
    /// <summary>The non-dominated candidates, fastest first (accuracy rising as FPS falls). Exact duplicates keep the first.</summary>
    public static IReadOnlyList<Candidate> Of(IEnumerable<Candidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var front = new List<Candidate>();
        double bestAccuracy = double.NegativeInfinity;
        foreach (var candidate in candidates.OrderByDescending(c => c.Fps).ThenByDescending(c => c.Accuracy))
        {
            if (candidate.Accuracy > bestAccuracy)
            {
                front.Add(candidate);
                bestAccuracy = candidate.Accuracy;
            }
        }
        return front;
    }
}
