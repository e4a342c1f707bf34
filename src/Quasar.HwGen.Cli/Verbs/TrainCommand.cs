using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Training;
using Quasar.HwGen.Training.Spaces;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>`quasar train`: supernet quantization-aware training with atomic, resumable checkpoints.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var space = new Option<string>("--space") { Description = "Search space YAML or sample name", DefaultValueFactory = _ => "fashion-mnist" };
        var data = new Option<DirectoryInfo?>("--data") { Description = $"IDX or image-folder dataset (default: {FashionMnist.DebianPackageDirectory} if installed, else samples/data/fashion-mnist)" };
        var validation = new Option<int>("--validation-images") { Description = "Images held out from the END of the training split for validation (and later the search); the test split is never used", DefaultValueFactory = _ => 5000 }.InRange(0);
        var epochs = new Option<int>("--epochs") { DefaultValueFactory = _ => 10 }.InRange(1, 100_000);
        var batch = new Option<int>("--batch-size") { DefaultValueFactory = _ => 128 }.InRange(1, 65_536);
        var lr = new Option<double>("--lr") { Description = "Peak learning rate (AdamW, warm-up + cosine)", DefaultValueFactory = _ => 5e-4 }.InRange(0, 1, exclusiveMin: true);
        var minLr = new Option<double?>("--min-lr") { Description = "Learning rate the cosine ends at, in --lr's units; = --lr holds the rate constant after warm-up (snapshots to average)" }.InRange(0, 1);
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Run directory (checkpoints/, metrics.jsonl)", DefaultValueFactory = _ => new DirectoryInfo("artifacts/train") }.OutputDirectory();
        var every = new Option<int>("--checkpoint-every") { Description = "Steps between checkpoints", DefaultValueFactory = _ => 500 }.InRange(1);
        var keepCheckpoints = new Option<int>("--keep-checkpoints") { Description = "Checkpoints kept in --out (older ones are deleted); 0 keeps every one, e.g. to average them later", DefaultValueFactory = _ => 2 }.InRange(0);
        var resume = new Option<bool>("--resume") { Description = "Continue from the last checkpoint in --out" };
        var sandwich = new Option<bool>("--sandwich") { Description = "Largest + smallest + random subnet per step" };
        var distill = new Option<DistillationMode>("--distill") { Description = "none | inplace (needs --sandwich) | teacher", DefaultValueFactory = _ => DistillationMode.None };
        var teacher = new Option<FileInfo?>("--teacher") { Description = "Teacher checkpoint manifest for --distill teacher" };
        var initFrom = new Option<FileInfo?>("--init-from") { Description = "Start from this checkpoint manifest's weights (fresh optimizer and schedule), e.g. to train a finished run longer" };
        var noLayerScale = new Option<bool>("--no-layer-scale") { Description = "Freeze every SLS λ at 1 (the ablation's SLS off)" };
        var warmup = new Option<double>("--warmup-epochs") { DefaultValueFactory = _ => 1.0 }.InRange(0, 100_000);
        var noAugment = new Option<bool>("--no-augment") { Description = "No random crop / flip (faster convergence when the model underfits)" };
        var trainLimit = new Option<int?>("--train-images") { Description = "Train on only the first N images of the training split (short ablation runs)" }.InRange(1);
        var command = new Command("train", "Train a quantization-aware ViT supernet (Quasar-ViT) on the CPU")
        {
            space, data, validation, epochs, batch, lr, minLr, seed, output, every, keepCheckpoints, resume, sandwich, distill, teacher,
            initFrom, noLayerScale, warmup, trainLimit, noAugment,
        };
        // Relations between options are checked in the action (a parse-time validator sees 0 for an option left at its
        // default): --min-lr here, the rest by TrainingOptions.Validate, both before the data loads.
        // Off the invoking thread, so that System.CommandLine's own signal handler (when enabled) is in place during the run.
        command.SetAction((parse, cancellation) => CliErrors.RunAsync(parse, () => Task.Run(() =>
        {
            if (parse.GetValue(minLr) is double floor && floor > parse.GetValue(lr))
                throw new UsageException($"--min-lr {floor} is above --lr {parse.GetValue(lr)}: the cosine ends at or below the peak rate");
            LibTorchMissingException.ThrowUnlessLoadable();
            var spec = ConfigConversions.ToSpec(ConfigArguments.Space(parse.GetRequiredValue(space)));
            var directory = parse.GetValue(data)?.FullName ?? ValidationSplit.DefaultDirectory;
            var run = parse.GetRequiredValue(output).FullName;
            var options = new TrainingOptions
            {
                DataDirectory = directory,
                Epochs = parse.GetValue(epochs),
                BatchSize = parse.GetValue(batch),
                LearningRate = parse.GetValue(lr),
                MinLearningRate = parse.GetValue(minLr) is double min ? TrainingOptions.ForBatch(min, parse.GetValue(batch)) : new TrainingOptions().MinLearningRate,
                Seed = parse.GetValue(seed),
                CheckpointDirectory = Path.Combine(run, "checkpoints"),
                CheckpointEverySteps = parse.GetValue(every),
                KeepCheckpoints = parse.GetValue(keepCheckpoints),
                Resume = parse.GetValue(resume),
                Sandwich = parse.GetValue(sandwich),
                Distillation = parse.GetValue(distill),
                TeacherCheckpoint = parse.GetValue(teacher)?.FullName,
                MetricsFile = Path.Combine(run, "metrics.jsonl"),
                InitFrom = parse.GetValue(initFrom)?.FullName,
                LayerScale = !parse.GetValue(noLayerScale),
                WarmupEpochs = parse.GetValue(warmup),
                TrainLimit = parse.GetValue(trainLimit),
                Augment = !parse.GetValue(noAugment),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }
            var all = Training.Data.DatasetLoader.LoadTrain(directory, spec);
            var (train, held) = Split(all, parse.GetValue(validation));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"training {spec.Name} on {train.Count} images of {directory} ({held.Count} held out for validation), {options.Epochs} epochs, seed {options.Seed}"));
            // System.CommandLine 2.0 cancels the token on a signal only when InvocationConfiguration.ProcessTerminationTimeout
            // is set, and then ends the process after that timeout even mid-step. So the first Ctrl+C / SIGTERM here asks
            // for a checkpoint after the current step; a second one ends the process at once.
            using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            void OnSignal(PosixSignalContext context)
            {
                context.Cancel = !interrupt.IsCancellationRequested;
                if (context.Cancel) Console.Error.WriteLine("stopping after this step to write a checkpoint (again to quit at once)");
                interrupt.Cancel();
            }
            using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
            TrainingResult result;
            try
            {
                result = new SupernetTrainer(spec, options, Console.Out).Train(train, held, interrupt.Token);
            }
            catch (TrainingCancelledException stopped)
            {
                Console.Error.WriteLine($"interrupted: checkpoint {stopped.Checkpoint} written; rerun with --resume to continue");
                return ExitCodes.Interrupted;
            }
            catch (TrainingDivergedException diverged)
            {
                throw new CheckFailedException(diverged.Message);
            }
            using (result.Supernet)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"done: {result.Steps} steps, {result.ImagesPerSecond:F0} images/s, last checkpoint {result.LastCheckpoint}"));
            }
            return 0;
        }, CancellationToken.None)));
        return command;
    }

    /// <summary>The last <paramref name="count"/> images become the validation split: fixed, so every tool agrees on it.</summary>
    internal static (LabeledImages Train, LabeledImages Validation) Split(LabeledImages all, int count, string option = "--validation-images")
    {
        if (count < 0 || count >= all.Count)
            throw new InvalidDataException($"{option} {count}: hold out between 0 and {all.Count - 1} of the {all.Count} training images");
        int keep = all.Count - count, size = all.PixelsPerImage;
        return (all.Take(keep), all with { Pixels = all.Pixels[(keep * size)..], Labels = all.Labels[keep..], Count = count });
    }
}
