namespace Quasar.HwGen.Training.Checkpoints;

/// <summary>
/// Everything a run needs, besides the weights and the optimizer state, to continue exactly: where it is and the
/// settings that shape its trajectory. The random streams are not stored: each is derived from (seed, epoch) for the
/// data order and (seed, step) for the subnet draw and augmentation (<see cref="RandomStreams"/>), so the step number
/// is the RNG state.
/// </summary>
public sealed record TrainingState(
    long Step,
    int Epoch,
    int StepsPerEpoch,
    long TotalSteps,
    int Seed,
    int BatchSize,
    int TrainImages,
    int Epochs,
    double LearningRate,
    double WeightDecay,
    double WarmupEpochs,
    bool Sandwich,
    string Distillation,
    double LabelSmoothing,
    bool Augment,
    bool FakeQuant,
    string? FixedSubnet,
    string RandomScheme,
    bool LayerScale = true,
    string? InitFrom = null,
    string? AveragedFrom = null,
    double MinLearningRate = 1e-6);
