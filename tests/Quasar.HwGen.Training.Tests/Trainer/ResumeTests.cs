using Quasar.HwGen.Training.Checkpoints;
using Quasar.HwGen.Training.Tests.Support;

namespace Quasar.HwGen.Training.Tests.Trainer;

/// <summary>A run killed after a checkpoint and resumed ends with exactly the weights of an uninterrupted run.</summary>
[TestFixture]
public sealed class ResumeTests
{
    private static TrainingOptions Options(string checkpoints, bool sandwich) => new()
    {
        Threads = 1,
        Epochs = 2, BatchSize = 64, LearningRate = 4e-3, WarmupEpochs = 0.5, TrainLimit = 512, Seed = 11,
        CheckpointDirectory = checkpoints, CheckpointEverySteps = 5, Sandwich = sandwich,
        Distillation = sandwich ? DistillationMode.Inplace : DistillationMode.None,
    };

    [TestCase(false)]
    [TestCase(true)]
    public void Resuming_a_killed_run_gives_bit_identical_weights_to_an_uninterrupted_run(bool sandwich)
    {
        using var straight = new TempDirectory();
        using var interrupted = new TempDirectory();

        var full = new SupernetTrainer(TinySpace.Spec, Options(straight.Path, sandwich)).Train(TinySpace.ShippedTrain, null);
        using (full.Supernet)
        {
            var killed = new SupernetTrainer(TinySpace.Spec, Options(interrupted.Path, sandwich) with { StopAfterStep = 8 }).Train(TinySpace.ShippedTrain, null);
            killed.Supernet.Dispose();
            Assert.That(killed.Completed, Is.False);
            Assert.That(CheckpointStore.ReadManifest(new CheckpointStore(interrupted.Path).Latest()!).State.Step, Is.EqualTo(5), "the last checkpoint before the kill");

            var resumed = new SupernetTrainer(TinySpace.Spec, Options(interrupted.Path, sandwich) with { Resume = true }).Train(TinySpace.ShippedTrain, null);
            using (resumed.Supernet)
            {
                Assert.That(resumed.Completed, Is.True);
                Assert.That(resumed.Steps, Is.EqualTo(full.Steps));
                var expected = StateDicts.Snapshot(full.Supernet);
                var actual = StateDicts.Snapshot(resumed.Supernet);
                Assert.That(actual.Keys, Is.EquivalentTo(expected.Keys));
                foreach (var (name, values) in expected)
                    Assert.That(actual[name], Is.EqualTo(values), $"{name} differs after resume");
                Assert.That(resumed.StepLosses, Is.EqualTo(full.StepLosses.Skip(5)), "the resumed steps see the same losses");
            }
        }
    }

    [Test]
    public void Resuming_with_other_settings_is_refused_naming_the_difference()
    {
        using var folder = new TempDirectory();
        new SupernetTrainer(TinySpace.Spec, Options(folder.Path, false) with { StopAfterStep = 5 }).Train(TinySpace.ShippedTrain, null).Supernet.Dispose();

        var trainer = new SupernetTrainer(TinySpace.Spec, Options(folder.Path, false) with { Resume = true, BatchSize = 32 });
        var error = Assert.Throws<CheckpointException>(() => trainer.Train(TinySpace.ShippedTrain, null));
        Assert.That(error!.Message, Does.Contain("step-00000005.json").And.Contain("BatchSize 64 (this run: 32)"));
    }
}
