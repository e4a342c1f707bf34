namespace Quasar.HwGen.Search.Results;

/// <summary>
/// What the evolution for one FPS target found: the most accurate subnet reaching it (<see cref="Best"/>), the final
/// top-k, the best accuracy after each generation, and for comparison the most accurate uniformly scaled subnet
/// reaching it (null when none does).
/// </summary>
public sealed record TargetResult(double FpsTarget, Candidate Best, IReadOnlyList<Candidate> TopK, IReadOnlyList<double> BestAccuracyByGeneration, Candidate? BestUniform);
