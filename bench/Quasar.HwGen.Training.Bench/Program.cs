using System.Globalization;
using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Training;
using Quasar.HwGen.Training.Spaces;

// A console harness for supernet training until the CLI's `quasar train` verb is wired:
//   dotnet run -c Release --project bench/Quasar.HwGen.Training.Bench -- --data /usr/share/datasets/fashion-mnist
//       --epochs 10 --batch 128 --out runs/fmnist [--resume] [--sandwich] [--distill inplace|teacher:PATH]
//       [--lr 5e-4] [--seed 0] [--largest] [--float] [--limit N] [--eval-limit N] [--every N] [--stop-after N] [--threads 2]
var options = new TrainingOptions { DataDirectory = FashionMnist.DebianPackageDirectory, ProgressEverySteps = 50 };
for (int i = 0; i < args.Length; i++)
{
    string Next() => args[++i];
    int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
    options = args[i] switch
    {
        "--data" => options with { DataDirectory = Next() },
        "--epochs" => options with { Epochs = NextInt() },
        "--batch" => options with { BatchSize = NextInt() },
        "--lr" => options with { LearningRate = double.Parse(Next(), CultureInfo.InvariantCulture) },
        "--warmup" => options with { WarmupEpochs = double.Parse(Next(), CultureInfo.InvariantCulture) },
        "--seed" => options with { Seed = NextInt() },
        "--out" => options with { CheckpointDirectory = Next() },
        "--every" => options with { CheckpointEverySteps = NextInt() },
        "--resume" => options with { Resume = true },
        "--sandwich" => options with { Sandwich = true },
        "--distill" => Distill(options, Next()),
        "--limit" => options with { TrainLimit = NextInt() },
        "--eval-limit" => options with { EvalLimit = NextInt() },
        "--stop-after" => options with { StopAfterStep = NextInt() },
        "--threads" => options with { Threads = NextInt() },
        "--progress" => options with { ProgressEverySteps = NextInt() },
        "--no-augment" => options with { Augment = false },
        "--float" => options with { FakeQuant = false },
        "--largest" => options with { FixedSubnet = new SubnetSampler(BuiltInSpaces.FashionMnist).Largest() },
        "--smoothing" => options with { LabelSmoothing = double.Parse(Next(), CultureInfo.InvariantCulture) },
        _ => throw new ArgumentException($"unknown option {args[i]}"),
    };
}

var trainer = new SupernetTrainer(BuiltInSpaces.FashionMnist, options, Console.Out);
using var result = new ResultScope(trainer.Train());
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"done: {result.Value.Steps} steps, last loss {result.Value.LastLoss:F4}, {result.Value.ImagesPerSecond:F0} img/s, checkpoint {result.Value.LastCheckpoint ?? "(none)"}"));
return 0;

static TrainingOptions Distill(TrainingOptions options, string value) => value switch
{
    "inplace" => options with { Distillation = DistillationMode.Inplace },
    "none" => options with { Distillation = DistillationMode.None },
    _ when value.StartsWith("teacher:", StringComparison.Ordinal) => options with { Distillation = DistillationMode.Teacher, TeacherCheckpoint = value["teacher:".Length..] },
    _ => throw new ArgumentException($"--distill inplace|none|teacher:PATH, not {value}"),
};

/// <summary>Disposes the trained supernet at the end.</summary>
internal sealed class ResultScope(TrainingResult value) : IDisposable
{
    public TrainingResult Value { get; } = value;

    public void Dispose() => Value.Supernet.Dispose();
}
