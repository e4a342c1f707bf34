using System.Globalization;

namespace Quasar.HwGen.Training;

/// <summary>
/// A training run stopped on request (Ctrl+C, SIGTERM) after finishing a step: names that step and the checkpoint
/// written there, which <see cref="TrainingOptions.Resume"/> continues exactly. The supernet has been disposed.
/// </summary>
public sealed class TrainingCancelledException : OperationCanceledException
{
    public TrainingCancelledException(long step, long totalSteps, string? checkpoint, CancellationToken cancellation)
        : base(Describe(step, totalSteps, checkpoint), cancellation)
    {
        Step = step;
        TotalSteps = totalSteps;
        Checkpoint = checkpoint;
    }

    public TrainingCancelledException()
    {
    }

    public TrainingCancelledException(string message) : base(message)
    {
    }

    public TrainingCancelledException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Steps done in all (of this and earlier runs it resumed).</summary>
    public long Step { get; }

    public long TotalSteps { get; }

    /// <summary>The sidecar of the checkpoint at <see cref="Step"/>; null when the run had no checkpoint folder.</summary>
    public string? Checkpoint { get; }

    private static string Describe(long step, long totalSteps, string? checkpoint) => string.Create(CultureInfo.InvariantCulture,
        $"training stopped on request at step {step}/{totalSteps}; {(checkpoint is null ? "no checkpoint folder, nothing saved" : $"checkpoint {checkpoint}")}");
}
