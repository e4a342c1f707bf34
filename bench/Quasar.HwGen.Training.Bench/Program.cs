using System.Globalization;
using System.Runtime.InteropServices;
using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Training;
using Quasar.HwGen.Training.Checkpoints;
using Quasar.HwGen.Training.Evaluation;
using Quasar.HwGen.Training.Export;
using Quasar.HwGen.Training.Model;
using Quasar.HwGen.Training.Spaces;

// A console harness over SupernetTrainer with knobs `quasar train` does not expose (--threads, --eval-limit,
// --stop-after, --progress, --float, --largest, --smoothing) and a quick --evaluate of the test split:
//   dotnet run -c Release --project bench/Quasar.HwGen.Training.Bench -- --data /usr/share/datasets/fashion-mnist
//       --epochs 10 --batch 128 --out runs/fmnist [--resume] [--sandwich] [--distill inplace|teacher:PATH]
//       [--lr 5e-4] [--seed 0] [--largest] [--float] [--limit N] [--eval-limit N] [--every N] [--stop-after N] [--threads 2]
// Before libtorch starts its worker threads, which inherit the setting.
Quasar.HwGen.Training.Native.FloatingPointEnvironment.FlushDenormalsToZero();
if (args.Length >= 2 && args[0] == "--evaluate") return Evaluate(args[1], args.Length >= 3 ? args[2] : FashionMnist.DebianPackageDirectory);

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

// SIGTERM / Ctrl+C: the trainer finishes the step and writes a checkpoint (as in `quasar train`); --resume continues exactly.
using var stop = new CancellationTokenSource();
void OnSignal(PosixSignalContext context)
{
    context.Cancel = !stop.IsCancellationRequested; // a second signal ends the process at once
    stop.Cancel();
}
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
var trainer = new SupernetTrainer(BuiltInSpaces.FashionMnist, options, Console.Out);
TrainingResult trained;
try
{
    trained = trainer.Train(stop.Token);
}
catch (TrainingCancelledException stopped)
{
    Console.WriteLine(stopped.Message);
    return 130;
}
using var result = new ResultScope(trained);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{(result.Value.Completed ? "done" : "stopped")}: {result.Value.Steps} steps, last loss {result.Value.LastLoss:F4}, {result.Value.ImagesPerSecond:F0} img/s, checkpoint {result.Value.LastCheckpoint ?? "(none)"}"));
return 0;

// --evaluate CHECKPOINT.json [DATA]: test-set top-1 of the largest, the smallest and five sampled subnets, and an export.
static int Evaluate(string checkpoint, string data)
{
    var spec = BuiltInSpaces.FashionMnist;
    using var supernet = new Supernet(spec);
    var manifest = CheckpointStore.Load(checkpoint, supernet);
    var test = FashionMnist.LoadTest(data);
    var sampler = new SubnetSampler(spec);
    var random = new Random(1234);
    var subnets = new[] { sampler.Largest(), sampler.Smallest() }.Concat(Enumerable.Range(0, 5).Select(_ => sampler.Sample(random)));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{checkpoint}: step {manifest.State.Step}, {test.Count} test images"));
    foreach (var subnet in subnets)
    {
        var result = SubnetEvaluator.Evaluate(supernet, subnet, test);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  top-1 {result.Accuracy:P2}  loss {result.MeanLoss:F4}  {subnet.Describe()}"));
    }
    var vit = SubnetExporter.Export(supernet, sampler.Largest());
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"exported largest: embed {vit.Architecture.EmbedDim}, {vit.Blocks.Count} blocks, input step {vit.InputStep:G4}, block 0 steps {vit.Blocks[0].Steps}"));
    return 0;
}

static TrainingOptions Distill(TrainingOptions options, string value) => value switch
{
    "inplace" => options with { Distillation = DistillationMode.Inplace },
    "none" => options with { Distillation = DistillationMode.None },
    _ when value.StartsWith("teacher:", StringComparison.Ordinal) => options with { Distillation = DistillationMode.Teacher, TeacherCheckpoint = value["teacher:".Length..] },
    _ => throw new ArgumentException($"--distill inplace|none|teacher:PATH, not {value}"),
};
