using System.Globalization;

namespace Quasar.HwGen.Search.Evolution;

/// <summary>
/// The evolutionary search's settings; the defaults are AutoFormer's (Chen et al., ICCV 2021), which Quasar-ViT
/// follows: a population of 50, the top 10 as parents, 25 mutations (each gene with probability 0.2) and 25
/// crossovers per generation, 20 generations. One evolution runs per FPS target; all share the accuracy cache.
/// </summary>
/// <param name="FpsTargets">Each target gets its own evolution, whose candidates all reach it in the latency model.</param>
/// <param name="TriesPerCandidate">A child that breaks a target or was seen before is regenerated, at most this many times per child wanted.</param>
public sealed record SearchOptions(
    IReadOnlyList<double> FpsTargets,
    int Population = 50,
    int TopK = 10,
    int Mutations = 25,
    int Crossovers = 25,
    double MutationProbability = 0.2,
    int Generations = 20,
    int Seed = 0,
    int TriesPerCandidate = 10)
{
    public IReadOnlyList<string> FindIssues()
    {
        var issues = new List<string>();
        if (FpsTargets is null || FpsTargets.Count == 0) issues.Add("at least one FPS target is needed");
        else if (FpsTargets.Any(t => !(t > 0) || !double.IsFinite(t))) issues.Add("FPS targets must be positive numbers");
        else if (FpsTargets.Distinct().Count() != FpsTargets.Count) issues.Add("FPS targets must differ");
        if (Population < 1) issues.Add("the population needs at least one subnet");
        if (TopK < 1 || TopK > Population) issues.Add($"top-k {TopK} must be between 1 and the population {Population}");
        if (Mutations < 0 || Crossovers < 0) issues.Add("mutation and crossover counts cannot be negative");
        if (!(MutationProbability is >= 0 and <= 1)) issues.Add($"mutation probability {MutationProbability} is outside [0, 1]");
        if (Generations < 1) issues.Add("at least one generation is needed");
        if (TriesPerCandidate < 1) issues.Add("at least one try per candidate is needed");
        return issues;
    }

    public void Validate()
    {
        var issues = FindIssues();
        if (issues.Count > 0) throw new ArgumentException("invalid search options: " + string.Join("; ", issues));
    }

    /// <summary>A stable description, stored in the state file so a resume with other settings is refused.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"targets [{string.Join(", ", FpsTargets.Select(t => t.ToString("R", CultureInfo.InvariantCulture)))}], population {Population}, top-k {TopK}, mutations {Mutations} (p {MutationProbability:R}), crossovers {Crossovers}, generations {Generations}, seed {Seed}, tries {TriesPerCandidate}");
}
