using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Training.Checkpoints;
using Quasar.HwGen.Training.Data;
using Quasar.HwGen.Training.Evaluation;
using Quasar.HwGen.Training.Model;
using Quasar.HwGen.Training.Native;
using Quasar.HwGen.Training.Spaces;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Quasar.HwGen.Training;

/// <summary>
/// Trains a mixed-precision supernet with QAT: per step one random subnet (or the sandwich largest + smallest +
/// random), AdamW with warm-up and cosine decay, optional distillation, atomic checkpoints and exact resume.
/// Determinism: the weights after step n are a function of (spec, options, seed, n) for a fixed libtorch thread
/// count; data order and per-step draws come from <see cref="RandomStreams"/>, never from a stream that a resume
/// would have to replay.
/// </summary>
public sealed class SupernetTrainer
{
    /// <summary>One compact JSON object per line (JSON Lines), snake_case keys.</summary>
    private static readonly JsonSerializerOptions MetricsJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly SupernetSpec _spec;
    private readonly TrainingOptions _options;
    private readonly TextWriter _progress;

    public SupernetTrainer(SupernetSpec spec, TrainingOptions options, TextWriter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        spec.Validate();
        options.Validate();
        options.FixedSubnet?.ValidateAgainst(spec);
        _spec = spec;
        _options = options;
        _progress = progress ?? TextWriter.Null;
    }

    /// <summary>Loads the training and validation splits from <see cref="TrainingOptions.DataDirectory"/> and trains.</summary>
    public TrainingResult Train(CancellationToken cancellation = default)
    {
        string directory = _options.DataDirectory ?? throw new InvalidOperationException("TrainingOptions.DataDirectory is not set");
        return Train(DatasetLoader.LoadTrain(directory, _spec), DatasetLoader.LoadValidation(directory, _spec), cancellation);
    }

    /// <summary>
    /// Trains until the last step or <see cref="TrainingOptions.StopAfterStep"/> (then returns), or until
    /// <paramref name="cancellation"/> (Ctrl+C, SIGTERM): a cancelled run finishes its current step, writes a checkpoint
    /// there through the same <see cref="CheckpointStore"/> as the regular ones, disposes the supernet and throws
    /// <see cref="TrainingCancelledException"/> naming the step and the checkpoint, which
    /// <see cref="TrainingOptions.Resume"/> continues exactly. A request after the last step changes nothing.
    /// </summary>
    public TrainingResult Train(LabeledImages train, LabeledImages? validation, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        var o = _options;
        if (o.TrainLimit is int trainLimit) train = train.Take(trainLimit);
        if (validation is not null && o.EvalLimit is int evalLimit) validation = validation.Take(evalLimit);
        int stepsPerEpoch = train.Count / o.BatchSize;
        if (stepsPerEpoch == 0) throw new ArgumentException($"{train.Count} training images make no batch of {o.BatchSize}");
        long totalSteps = (long)o.Epochs * stepsPerEpoch;

        if (!FloatingPointEnvironment.FlushDenormalsToZero()) _progress.WriteLine("note: denormals are not flushed on this platform; training may slow down as attention sharpens");
        torch.set_num_threads(o.Threads);
        torch.manual_seed(o.Seed);
        var supernet = new Supernet(_spec);
        supernet.SetFakeQuant(o.FakeQuant);
        if (!o.LayerScale) supernet.FreezeLayerScale();
        supernet.train();
        double peak = o.PeakLearningRate;
        var schedule = new LearningRateSchedule(peak, Math.Min(o.MinLearningRate, peak), (long)Math.Round(o.WarmupEpochs * stepsPerEpoch), totalSteps);
        using var optimizer = CreateOptimizer(supernet, peak, o.WeightDecay);

        var store = o.CheckpointDirectory is null ? null : new CheckpointStore(o.CheckpointDirectory, o.KeepCheckpoints);
        if (o.CheckpointDirectory is not null) Directory.CreateDirectory(o.CheckpointDirectory);
        string? metricsFile = o.MetricsFile ?? (o.CheckpointDirectory is null ? null : Path.Combine(o.CheckpointDirectory, "metrics.jsonl"));
        var expectedState = State(0, stepsPerEpoch, totalSteps, train.Count);
        var builder = new BatchBuilder(_spec);
        var sampler = new SubnetSampler(_spec);

        long step = 0, lastCheckpointStep = -1;
        string? lastCheckpoint = null;
        // A fresh run would prune the checkpoints of the run already there.
        if (!o.Resume && store?.Latest() is string earlier)
            throw new CheckpointException(earlier, "belongs to a run already in this folder; continue it with --resume, or train into another folder");
        if (o.Resume && store!.Latest() is string latest)
        {
            var manifest = CheckpointStore.Load(latest, supernet, optimizer);
            CheckCompatible(latest, manifest.State, expectedState);
            step = manifest.State.Step;
            lastCheckpoint = latest;
            lastCheckpointStep = step;
            _progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"resuming from {latest} at step {step}/{totalSteps}"));
        }
        else if (o.InitFrom is not null)
        {
            // Weights and quantizer steps (with their 'initialized' flags) come from the finished run.
            CheckpointStore.Load(o.InitFrom, supernet);
            _progress.WriteLine($"starting from the weights of {o.InitFrom} (fresh optimizer and schedule)");
        }
        else
        {
            InitializeQuantizers(supernet, sampler, builder, train);
        }

        using var teacher = o.Distillation == DistillationMode.Teacher ? LoadTeacher(o.TeacherCheckpoint!, sampler) : null;

        var epochs = new List<EpochMetrics>();
        var stepLosses = new List<double>();
        var clock = Stopwatch.StartNew();
        var epochClock = Stopwatch.StartNew();
        long stepsThisRun = 0, stepsThisEpoch = 0;
        double epochLossSum = 0, lastLoss = double.NaN;
        int[]? order = null;
        int orderEpoch = -1;
        _progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"training '{_spec.Name}' on {train.Count} images, batch {o.BatchSize}, {stepsPerEpoch} steps/epoch × {o.Epochs} epochs, peak lr {peak:G3}, {o.Threads} threads{(o.Sandwich ? ", sandwich" : "")}, distillation {o.Distillation}"));

        while (step < totalSteps)
        {
            if (o.StopAfterStep is long stop && step >= stop) break;
            if (cancellation.IsCancellationRequested)
            {
                // The same Save as the regular checkpoints: a resume from here is the resume from a regular one.
                string? here = null;
                if (store is not null)
                    here = lastCheckpointStep == step ? lastCheckpoint
                        : store.Save(supernet, optimizer, expectedState with { Step = step, Epoch = (int)(step / stepsPerEpoch) }, lastLoss);
                supernet.Dispose();
                throw new TrainingCancelledException(step, totalSteps, here, cancellation);
            }
            int epoch = (int)(step / stepsPerEpoch);
            int indexInEpoch = (int)(step % stepsPerEpoch);
            if (orderEpoch != epoch)
            {
                order = RandomStreams.EpochPermutation(o.Seed, epoch, train.Count);
                orderEpoch = epoch;
            }

            double lr = schedule.At(step);
            foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
            lastLoss = Step(supernet, optimizer, teacher, sampler, builder, train, order.AsSpan(indexInEpoch * o.BatchSize, o.BatchSize), RandomStreams.ForStep(o.Seed, step));
            if (!double.IsFinite(lastLoss))
            {
                supernet.Dispose();
                throw new TrainingDivergedException(step + 1, lastLoss, lastCheckpoint, lr);
            }
            step++;
            stepsThisRun++;
            stepsThisEpoch++;
            epochLossSum += lastLoss;
            stepLosses.Add(lastLoss);

            if (step % o.ProgressEverySteps == 0 || step == totalSteps)
            {
                double seconds = clock.Elapsed.TotalSeconds;
                double imagesPerSecond = stepsThisRun * o.BatchSize / seconds;
                var eta = TimeSpan.FromSeconds((totalSteps - step) * seconds / stepsThisRun);
                _progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"epoch {epoch + 1}/{o.Epochs} step {indexInEpoch + 1}/{stepsPerEpoch} ({step}/{totalSteps}) loss {lastLoss:F4} lr {lr:G3} {imagesPerSecond:F0} img/s ETA {eta:hh\\:mm\\:ss}"));
            }

            if (store is not null && (step % o.CheckpointEverySteps == 0 || step == totalSteps))
            {
                lastCheckpoint = store.Save(supernet, optimizer, expectedState with { Step = step, Epoch = (int)(step / stepsPerEpoch) }, lastLoss);
                lastCheckpointStep = step;
            }

            if (step % stepsPerEpoch == 0)
            {
                var metrics = EndEpoch(supernet, sampler, validation, epoch + 1, step, epochLossSum / stepsThisEpoch, lr, epochClock.Elapsed.TotalSeconds, stepsThisEpoch * o.BatchSize);
                epochs.Add(metrics);
                if (metricsFile is not null) File.AppendAllText(metricsFile, JsonSerializer.Serialize(metrics, MetricsJson) + "\n");
                epochLossSum = 0;
                stepsThisEpoch = 0;
                epochClock.Restart();
            }
        }

        double totalSeconds = clock.Elapsed.TotalSeconds;
        return new TrainingResult(supernet, step, step == totalSteps, lastLoss, epochs, stepLosses,
            stepsThisRun == 0 ? 0 : stepsThisRun * o.BatchSize / totalSeconds, lastCheckpoint);
    }

    private double Step(Supernet supernet, AdamW optimizer, Supernet? teacher, SubnetSampler sampler, BatchBuilder builder,
        LabeledImages train, ReadOnlySpan<int> indices, Random random)
    {
        var o = _options;
        using var scope = NewDisposeScope();
        supernet.train();
        var subnets = o.Sandwich ? new[] { sampler.Largest(), sampler.Smallest(), sampler.Sample(random) }
            : o.FixedSubnet is not null ? [o.FixedSubnet]
            : [sampler.Sample(random)];
        var input = builder.Build(train, indices, o.Augment ? random : null);
        var labels = BatchBuilder.Labels(train, indices);
        // Gradients to none, not to zero: a parameter this step does not use (a block beyond the sampled depth) then
        // gets no AdamW update at all. With zeroing, a parameter used once would be decayed and moved by momentum on
        // every later step, but one not used since a resume would not: the trajectory would depend on the history
        // of the process, and --resume would not be exact.
        supernet.zero_grad(set_to_none: true);

        Tensor? softTargets = null;
        if (teacher is not null)
        {
            using var noGrad = no_grad();
            softTargets = teacher.forward(input).detach();
        }

        double lossSum = 0;
        for (int i = 0; i < subnets.Length; i++)
        {
            supernet.Subnet = subnets[i];
            var logits = supernet.forward(input);
            var loss = nn.functional.cross_entropy(logits, labels, label_smoothing: o.LabelSmoothing);
            if (softTargets is not null)
            {
                // Explicit scalars, alive until the native calls return (docs/training.md, "TorchSharp scalars").
                using var labelWeight = (1 - o.DistillationWeight).ToScalar();
                using var distillWeight = o.DistillationWeight.ToScalar();
                using var distillLoss = DistillationLoss(logits, softTargets, o.DistillationTemperature);
                using var fromLabels = loss.mul(labelWeight);
                using var fromTeacher = distillLoss.mul(distillWeight);
                loss = TensorSum.Of(fromLabels, fromTeacher);
            }
            loss.backward();
            lossSum += loss.item<float>();
            // Inplace distillation: the largest subnet (first in the sandwich) teaches the others of this step.
            if (o.Distillation == DistillationMode.Inplace && i == 0) softTargets = logits.detach();
        }
        optimizer.step();
        return lossSum / subnets.Length;
    }

    /// <summary>T²·KL(softmax(t/T) ‖ softmax(s/T)), averaged over the batch.</summary>
    public static Tensor DistillationLoss(Tensor studentLogits, Tensor teacherLogits, double temperature)
    {
        ArgumentNullException.ThrowIfNull(studentLogits);
        ArgumentNullException.ThrowIfNull(teacherLogits);
        using var scope = NewDisposeScope();
        using var t = temperature.ToScalar();
        using var tSquared = (temperature * temperature).ToScalar();
        var teacherLog = teacherLogits.div(t).log_softmax(1);
        var studentLog = studentLogits.div(t).log_softmax(1);
        var kl = (teacherLog.exp() * (teacherLog - studentLog)).sum(1).mean();
        return kl.mul(tSquared).MoveToOuterDisposeScope();
    }

    /// <summary>LSQ step initialization of every quantizer from the largest subnet on the first batch (no augmentation).</summary>
    private void InitializeQuantizers(Supernet supernet, SubnetSampler sampler, BatchBuilder builder, LabeledImages train)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var order = RandomStreams.EpochPermutation(_options.Seed, 0, train.Count);
        supernet.Subnet = sampler.Largest();
        supernet.train();
        supernet.forward(builder.Build(train, order.AsSpan(0, _options.BatchSize), augment: null));
    }

    private Supernet LoadTeacher(string manifestPath, SubnetSampler sampler)
    {
        var teacher = new Supernet(_spec);
        CheckpointStore.Load(manifestPath, teacher);
        teacher.Subnet = sampler.Largest();
        teacher.eval();
        foreach (var parameter in teacher.parameters()) parameter.requires_grad = false;
        _progress.WriteLine($"teacher: largest subnet of {manifestPath}");
        return teacher;
    }

    private EpochMetrics EndEpoch(Supernet supernet, SubnetSampler sampler, LabeledImages? validation, int epoch, long step,
        double trainLoss, double lr, double seconds, long images)
    {
        double? largest = null, smallest = null;
        if (validation is not null && validation.Count > 0)
        {
            largest = SubnetEvaluator.Evaluate(supernet, sampler.Largest(), validation).Accuracy;
            smallest = SubnetEvaluator.Evaluate(supernet, sampler.Smallest(), validation).Accuracy;
        }
        var metrics = new EpochMetrics(epoch, step, trainLoss, lr, seconds, images / seconds, largest, smallest);
        _progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"epoch {epoch} done: train loss {trainLoss:F4}, {metrics.ImagesPerSecond:F0} img/s{(largest is null ? ", no validation split" : $", val top-1 largest {largest:P2} smallest {smallest:P2}")}"));
        return metrics;
    }

    /// <summary>AdamW with weight decay on the weight matrices only (not on biases, norms, λ or quantizer steps).</summary>
    internal static AdamW CreateOptimizer(Supernet supernet, double learningRate, double weightDecay)
    {
        var (decay, noDecay) = supernet.ParameterGroups();
        return new AdamW(
            [
                new AdamW.ParamGroup(decay, learningRate, 0.9, 0.999, 1e-8, weightDecay, false, false),
                new AdamW.ParamGroup(noDecay, learningRate, 0.9, 0.999, 1e-8, 0.0, false, false),
            ],
            learningRate, 0.9, 0.999, 1e-8, weightDecay, false, false);
    }

    private TrainingState State(long step, int stepsPerEpoch, long totalSteps, int trainImages)
    {
        var o = _options;
        return new TrainingState(step, 0, stepsPerEpoch, totalSteps, o.Seed, o.BatchSize, trainImages, o.Epochs, o.LearningRate,
            o.WeightDecay, o.WarmupEpochs, o.Sandwich, o.Distillation.ToString(), o.LabelSmoothing, o.Augment, o.FakeQuant, o.FixedSubnet?.Describe(), RandomStreams.Scheme,
            o.LayerScale, InitFromIdentity(o.InitFrom), MinLearningRate: o.MinLearningRate);
    }

    /// <summary>The starting checkpoint as its weights' SHA-256, so a resume checks it started from the same weights.</summary>
    private static string? InitFromIdentity(string? manifestPath) =>
        manifestPath is null ? null : "weights sha256 " + CheckpointStore.ReadManifest(manifestPath).WeightsSha256;

    private static void CheckCompatible(string path, TrainingState saved, TrainingState expected)
    {
        var normalized = saved with { Step = 0, Epoch = 0 };
        if (normalized == expected) return;
        var differences = new List<string>();
        foreach (var property in typeof(TrainingState).GetProperties())
        {
            object? a = property.GetValue(normalized), b = property.GetValue(expected);
            if (!Equals(a, b)) differences.Add(string.Create(CultureInfo.InvariantCulture, $"{property.Name} {a} (this run: {b})"));
        }
        throw new CheckpointException(path, "was written by a run with other settings, so resuming would not continue it: " + string.Join("; ", differences));
    }
}
