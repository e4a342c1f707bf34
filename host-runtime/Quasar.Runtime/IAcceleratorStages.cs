namespace Quasar.Runtime;

/// <summary>
/// A backend that says where its calls' time went (e.g. word layout, transfers, kernel runs), for the board
/// application's per-stage breakdown. Times are summed over every call since the backend opened, across frames.
/// </summary>
public interface IAcceleratorStages
{
    /// <summary>The stages in the order a call passes through them.</summary>
    IReadOnlyList<AcceleratorStageTime> Stages { get; }
}

/// <summary>The summed time of one stage of the accelerator's calls.</summary>
public sealed record AcceleratorStageTime(string Stage, TimeSpan Total);
