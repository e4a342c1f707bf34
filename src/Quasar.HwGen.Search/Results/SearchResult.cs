namespace Quasar.HwGen.Search.Results;

/// <summary>
/// The outcome of a search: one <see cref="TargetResult"/> per FPS target, every evaluated subnet
/// (<see cref="Evaluated"/>, in the order first evaluated), the accuracy-vs-FPS Pareto set of them, and how many
/// accuracy evaluations ran (memoised repeats not counted) and how many children the FPS constraint rejected.
/// </summary>
public sealed record SearchResult(IReadOnlyList<TargetResult> Targets, IReadOnlyList<Candidate> Evaluated, IReadOnlyList<Candidate> Pareto, int Evaluations, int RejectedForFps);
