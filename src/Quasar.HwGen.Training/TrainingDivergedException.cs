using System.Globalization;

namespace Quasar.HwGen.Training;

/// <summary>
/// A step's loss was NaN or infinite: every later step would only spread it through the weights, so the run stops
/// before saving them. Names the step and the last checkpoint written before it (a step with a finite loss can still
/// have saved non-finite weights; the export and lowering checks refuse those). The supernet has been disposed.
/// </summary>
public sealed class TrainingDivergedException(long step, double loss, string? lastCheckpoint, double learningRate)
    : Exception(Describe(step, loss, lastCheckpoint, learningRate))
{
    /// <summary>The step (counted from 1) whose loss was not finite.</summary>
    public long Step { get; } = step;

    public double Loss { get; } = loss;

    /// <summary>The sidecar of the last checkpoint written before it; null when there is none.</summary>
    public string? LastCheckpoint { get; } = lastCheckpoint;

    private static string Describe(long step, double loss, string? lastCheckpoint, double learningRate)
    {
        string last = lastCheckpoint is null ? "" : $"the last checkpoint before it is {lastCheckpoint}; ";
        return string.Create(CultureInfo.InvariantCulture,
            $"training diverged: the loss of step {step} is {loss}, so nothing after step {step - 1} was saved; {last}"
            + $"train again with a lower --lr (the learning rate at that step was {learningRate:G3}), or check --init-from's weights");
    }
}
