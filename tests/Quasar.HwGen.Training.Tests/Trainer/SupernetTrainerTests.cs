using Quasar.HwGen.Training.Tests.Support;

namespace Quasar.HwGen.Training.Tests.Trainer;

/// <summary>A tiny supernet learns the shipped Fashion-MNIST subset.</summary>
[TestFixture]
public sealed class SupernetTrainerTests
{
    [Test]
    public void A_tiny_supernet_trained_for_dozens_of_steps_lowers_its_loss_and_beats_chance()
    {
        var options = new TrainingOptions { Threads = 1, Epochs = 4, BatchSize = 64, LearningRate = 4e-2, WarmupEpochs = 0.25, TrainLimit = 1024, Seed = 1 };
        var result = new SupernetTrainer(TinySpace.Spec, options, TestContext.Progress).Train(TinySpace.ShippedTrain, TinySpace.ShippedTest.Take(500));
        using var supernet = result.Supernet;

        Assert.That(result.Steps, Is.EqualTo(64));
        double first = result.StepLosses.Take(8).Average(), last = result.StepLosses.TakeLast(8).Average();
        TestContext.Progress.WriteLine($"loss {first:F3} → {last:F3}, val {result.Epochs[^1].ValAccuracyLargest:P1}");
        Assert.That(last, Is.LessThan(first - 0.15), "the loss falls");
        Assert.That(result.Epochs, Has.Count.EqualTo(4));
        Assert.That(result.Epochs[^1].ValAccuracyLargest, Is.GreaterThan(0.2), "well above the 10% of chance");
    }

    [Test]
    public void Sandwich_training_with_inplace_distillation_runs_and_learns()
    {
        var options = new TrainingOptions
        {
            Threads = 1,
            Epochs = 2, BatchSize = 64, LearningRate = 4e-2, WarmupEpochs = 0.25, TrainLimit = 512, Seed = 2,
            Sandwich = true, Distillation = DistillationMode.Inplace,
        };
        var result = new SupernetTrainer(TinySpace.Spec, options).Train(TinySpace.ShippedTrain, null);
        using var supernet = result.Supernet;
        Assert.That(result.StepLosses.TakeLast(4).Average(), Is.LessThan(result.StepLosses.Take(4).Average()));
    }

    [Test]
    public void Each_epoch_appends_one_json_line_of_metrics()
    {
        using var folder = new TempDirectory();
        var options = new TrainingOptions { Threads = 1, Epochs = 2, BatchSize = 64, TrainLimit = 128, CheckpointDirectory = folder.Path };
        new SupernetTrainer(TinySpace.Spec, options).Train(TinySpace.ShippedTrain, TinySpace.ShippedTest.Take(64)).Supernet.Dispose();

        var lines = File.ReadAllLines(Path.Combine(folder.Path, "metrics.jsonl"));
        Assert.That(lines, Has.Length.EqualTo(2));
        using var second = System.Text.Json.JsonDocument.Parse(lines[1]);
        Assert.That(second.RootElement.GetProperty("epoch").GetInt32(), Is.EqualTo(2));
        Assert.That(second.RootElement.GetProperty("step").GetInt64(), Is.EqualTo(4));
        Assert.That(second.RootElement.GetProperty("val_accuracy_largest").GetDouble(), Is.InRange(0.0, 1.0));
    }
}
