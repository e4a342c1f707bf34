using Quasar.HwGen.Training.Model;

namespace Quasar.HwGen.Training;

/// <summary>The trained supernet (owned by the caller) and what the run measured.</summary>
public sealed record TrainingResult(
    Supernet Supernet,
    long Steps,
    bool Completed,
    double LastLoss,
    IReadOnlyList<EpochMetrics> Epochs,
    IReadOnlyList<double> StepLosses,
    double ImagesPerSecond,
    string? LastCheckpoint);
