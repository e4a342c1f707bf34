namespace Quasar.HwGen.Training;

/// <summary>
/// How a supernet is trained. Defaults follow AutoFormer/DeiT (AdamW, lr 5e-4 per 512 images scaled linearly with the
/// batch, wd 0.05, warm-up then cosine) with Fashion-MNIST augmentation (random crop, padding 2, horizontal flip).
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>A folder with Fashion-MNIST-named IDX files, or an image folder with train/ and val/ (or test/).</summary>
    public string? DataDirectory { get; init; }

    public int Epochs { get; init; } = 10;

    public int BatchSize { get; init; } = 128;

    /// <summary>The batch <see cref="LearningRate"/> is given for.</summary>
    public const int ReferenceBatch = 512;

    /// <summary>Peak learning rate for a batch of 512; the run uses LearningRate · BatchSize / 512.</summary>
    public double LearningRate { get; init; } = 5e-4;

    /// <summary>The peak learning rate of this run's batch size.</summary>
    public double PeakLearningRate => ForBatch(LearningRate, BatchSize);

    /// <summary>A learning rate given for <see cref="ReferenceBatch"/> images, scaled linearly to <paramref name="batchSize"/>.</summary>
    public static double ForBatch(double learningRate, int batchSize) => learningRate * batchSize / ReferenceBatch;

    /// <summary>Where the cosine ends (absolute, not scaled by the batch); equal to the peak for a constant rate after warm-up.</summary>
    public double MinLearningRate { get; init; } = 1e-6;

    public double WarmupEpochs { get; init; } = 1;

    public double WeightDecay { get; init; } = 0.05;

    public int Seed { get; init; }

    /// <summary>Where checkpoints go; null for none.</summary>
    public string? CheckpointDirectory { get; init; }

    public int CheckpointEverySteps { get; init; } = 500;

    /// <summary>Checkpoints kept in <see cref="CheckpointDirectory"/> (older ones are deleted).</summary>
    public int KeepCheckpoints { get; init; } = 2;

    /// <summary>Continue from the newest checkpoint in <see cref="CheckpointDirectory"/> (starts fresh when it has none).</summary>
    public bool Resume { get; init; }

    /// <summary>Sandwich rule: largest + smallest + one random subnet per step, gradients summed.</summary>
    public bool Sandwich { get; init; }

    /// <summary>Train only this subnet every step (fine-tuning a searched subnet, or measuring one subnet's speed);
    /// null samples subnets.</summary>
    public Spaces.SubnetChoice? FixedSubnet { get; init; }

    public DistillationMode Distillation { get; init; } = DistillationMode.None;

    /// <summary>The sidecar (.json) of a checkpoint of the same search space, for <see cref="DistillationMode.Teacher"/>.</summary>
    public string? TeacherCheckpoint { get; init; }

    public double DistillationTemperature { get; init; } = 1.0;

    /// <summary>A distilled subnet's loss: (1 − w)·CE(labels) + w·T²·KL(teacher ‖ student).</summary>
    public double DistillationWeight { get; init; } = 0.5;

    public double LabelSmoothing { get; init; } = 0.1;

    public bool Augment { get; init; } = true;

    /// <summary>Quantization-aware training (the default); false trains the float supernet (a baseline or a teacher).</summary>
    public bool FakeQuant { get; init; } = true;

    /// <summary>
    /// Supernet layer scaling (the default): λ after MSA and MLP is learned. False freezes every λ at 1, which is the
    /// block without SLS (the ablation's "SLS off"); the exported λ = 1 folds into the output stage as a no-op.
    /// </summary>
    public bool LayerScale { get; init; } = true;

    /// <summary>
    /// Start from the weights (and learned quantizer steps) of this checkpoint manifest instead of a random
    /// initialization, with a fresh optimizer and schedule: a longer run that continues a finished one.
    /// </summary>
    public string? InitFrom { get; init; }

    /// <summary>Use only the first N training images (tests, quick runs).</summary>
    public int? TrainLimit { get; init; }

    /// <summary>Evaluate on only the first N validation images at the end of each epoch.</summary>
    public int? EvalLimit { get; init; }

    /// <summary>Intra-op threads of libtorch. Results are reproducible for a given thread count.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>Stop after this many steps in total, as if killed (no extra checkpoint): tests of --resume.</summary>
    public long? StopAfterStep { get; init; }

    public int ProgressEverySteps { get; init; } = 50;

    /// <summary>One JSON line per epoch; defaults to metrics.jsonl in the checkpoint folder (none without one).</summary>
    public string? MetricsFile { get; init; }

    public void Validate()
    {
        static void Require(bool condition, string message)
        {
            if (!condition) throw new ArgumentException(message);
        }

        Require(Epochs > 0, "epochs must be positive");
        Require(BatchSize > 0, "batch size must be positive");
        Require(LearningRate > 0 && MinLearningRate >= 0 && MinLearningRate <= PeakLearningRate, "need 0 ≤ min lr ≤ peak lr, lr > 0");
        Require(KeepCheckpoints >= 0, "checkpoints kept must not be negative (0 keeps all)");
        Require(WarmupEpochs >= 0 && WeightDecay >= 0, "warm-up and weight decay must not be negative");
        Require(CheckpointEverySteps > 0, "checkpoint interval must be positive");
        Require(!Resume || CheckpointDirectory is not null, "--resume needs a checkpoint directory");
        Require(InitFrom is null || File.Exists(InitFrom), $"--init-from: the checkpoint manifest {InitFrom} does not exist");
        Require(FixedSubnet is null || !Sandwich, "a fixed subnet and the sandwich rule exclude each other");
        Require(Distillation != DistillationMode.Inplace || Sandwich, "--distill inplace needs --sandwich (the largest subnet of each step is the teacher)");
        Require(Distillation != DistillationMode.Teacher || TeacherCheckpoint is not null, "--distill teacher needs --teacher <checkpoint manifest>");
        Require(DistillationTemperature > 0 && DistillationWeight is >= 0 and <= 1, "temperature > 0 and weight in [0, 1]");
        Require(LabelSmoothing is >= 0 and < 1, "label smoothing is in [0, 1)");
        Require(Threads > 0 && ProgressEverySteps > 0, "threads and progress interval must be positive");
    }
}
