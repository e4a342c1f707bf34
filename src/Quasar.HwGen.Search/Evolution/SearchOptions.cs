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
    /// <summary>The most FPS targets, each an evolution of its own.</summary>
    public const int MaxFpsTargets = 64;

    /// <summary>The highest FPS target: far beyond any engine the latency model can size.</summary>
    public const double MaxFpsTarget = 1_000_000;

    /// <summary>The largest population (AutoFormer: 50); with the other limits every count product fits an int.</summary>
    public const int MaxPopulation = 10_000;

    /// <summary>The most mutations, and the most crossovers, per generation.</summary>
    public const int MaxChildren = 10_000;

    public const int MaxGenerations = 10_000;

    /// <summary>The most tries per child wanted; tries × children stays below 10⁸.</summary>
    public const int MaxTriesPerCandidate = 1_000;

    /// <summary>Every problem of these options, one message each; empty when valid. The Check methods give the same per option.</summary>
    public IReadOnlyList<string> FindIssues()
    {
        string?[] checks =
        [
            CheckFpsTargets(FpsTargets), CheckPopulation(Population), CheckTopK(TopK, Population), CheckMutations(Mutations),
            CheckCrossovers(Crossovers), CheckMutationProbability(MutationProbability), CheckGenerations(Generations),
            CheckTriesPerCandidate(TriesPerCandidate),
        ];
        return [.. checks.OfType<string>()];
    }

    /// <summary>Why <paramref name="targets"/> cannot be the FPS targets, or null: 1 to <see cref="MaxFpsTargets"/> distinct finite targets in (0, <see cref="MaxFpsTarget"/>].</summary>
    public static string? CheckFpsTargets(IReadOnlyList<double>? targets)
    {
        if (targets is null || targets.Count == 0) return "at least one FPS target is needed";
        if (targets.Count > MaxFpsTargets) return Text($"{targets.Count} FPS targets are too many; at most {MaxFpsTargets}");
        foreach (var target in targets)
        {
            // Written so that NaN fails too.
            if (!(target > 0 && target <= MaxFpsTarget)) return Text($"FPS target {target:R} is outside (0, {MaxFpsTarget:R}]");
        }
        if (targets.Distinct().Count() != targets.Count) return "FPS targets must differ";
        return null;
    }

    /// <summary>Why <paramref name="population"/> cannot be the population, or null: 1 to <see cref="MaxPopulation"/>.</summary>
    public static string? CheckPopulation(int population) =>
        population is >= 1 and <= MaxPopulation ? null : Text($"population {population} is outside [1, {MaxPopulation}]");

    /// <summary>Why <paramref name="topK"/> cannot be the top-k of <paramref name="population"/>, or null: 1 to the population.</summary>
    public static string? CheckTopK(int topK, int population) =>
        topK >= 1 && topK <= population ? null : Text($"top-k {topK} must be between 1 and the population {population}");

    /// <summary>Why <paramref name="mutations"/> cannot be the mutations per generation, or null: 0 to <see cref="MaxChildren"/>.</summary>
    public static string? CheckMutations(int mutations) =>
        mutations is >= 0 and <= MaxChildren ? null : Text($"mutations {mutations} is outside [0, {MaxChildren}]");

    /// <summary>Why <paramref name="crossovers"/> cannot be the crossovers per generation, or null: 0 to <see cref="MaxChildren"/>.</summary>
    public static string? CheckCrossovers(int crossovers) =>
        crossovers is >= 0 and <= MaxChildren ? null : Text($"crossovers {crossovers} is outside [0, {MaxChildren}]");

    /// <summary>Why <paramref name="probability"/> cannot be the mutation probability, or null: within [0, 1].</summary>
    public static string? CheckMutationProbability(double probability) =>
        probability is >= 0 and <= 1 ? null : Text($"mutation probability {probability:R} is outside [0, 1]");

    /// <summary>Why <paramref name="generations"/> cannot be the generations, or null: 1 to <see cref="MaxGenerations"/>.</summary>
    public static string? CheckGenerations(int generations) =>
        generations is >= 1 and <= MaxGenerations ? null : Text($"generations {generations} is outside [1, {MaxGenerations}]");

    /// <summary>Why <paramref name="tries"/> cannot be the tries per candidate, or null: 1 to <see cref="MaxTriesPerCandidate"/>.</summary>
    public static string? CheckTriesPerCandidate(int tries) =>
        tries is >= 1 and <= MaxTriesPerCandidate ? null : Text($"tries per candidate {tries} is outside [1, {MaxTriesPerCandidate}]");

    private static string Text(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);

    public void Validate()
    {
        var issues = FindIssues();
        if (issues.Count > 0) throw new ArgumentException("invalid search options: " + string.Join("; ", issues));
    }

    /// <summary>A stable description, stored in the state file so a resume with other settings is refused.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"targets [{string.Join(", ", FpsTargets.Select(t => t.ToString("R", CultureInfo.InvariantCulture)))}], population {Population}, top-k {TopK}, mutations {Mutations} (p {MutationProbability:R}), crossovers {Crossovers}, generations {Generations}, seed {Seed}, tries {TriesPerCandidate}");
}
