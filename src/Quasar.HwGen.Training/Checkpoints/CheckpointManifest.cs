namespace Quasar.HwGen.Training.Checkpoints;

/// <summary>The JSON sidecar of a checkpoint: the state, the search space, and the files with their SHA-256.</summary>
public sealed record CheckpointManifest(
    int FormatVersion,
    string SearchSpace,
    string SpecFingerprint,
    TrainingState State,
    string WeightsFile,
    long WeightsBytes,
    string WeightsSha256,
    string OptimizerFile,
    long OptimizerBytes,
    string OptimizerSha256,
    double LastLoss,
    string CreatedUtc)
{
    public const int CurrentFormatVersion = 1;
}
