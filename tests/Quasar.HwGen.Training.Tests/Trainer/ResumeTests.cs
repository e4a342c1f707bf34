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
    // Also the regression test of resuming where some block had not been used since the resume: with gradients zeroed
    // (not set to none) its AdamW state moved in the uninterrupted run only (step 14 differed).
    public void A_cancelled_run_checkpoints_the_step_it_finished_and_resumes_to_the_weights_of_an_uninterrupted_run()
    {
        using var straight = new TempDirectory();
        using var cancelled = new TempDirectory();
        var full = new SupernetTrainer(TinySpace.Spec, Options(straight.Path, false)).Train(TinySpace.ShippedTrain, null);
        using (full.Supernet)
        {
            using var cancellation = new CancellationTokenSource();
            var options = Options(cancelled.Path, false) with { ProgressEverySteps = 1 };
            var trainer = new SupernetTrainer(TinySpace.Spec, options, new CancelAfterLine("(7/16)", cancellation));
            var stopped = Assert.Throws<TrainingCancelledException>(() => trainer.Train(TinySpace.ShippedTrain, null, cancellation.Token))!;
            Assert.That(stopped, Is.InstanceOf<OperationCanceledException>());
            Assert.That(stopped.CancellationToken, Is.EqualTo(cancellation.Token));
            Assert.That(stopped.Step, Is.EqualTo(7), "the step in progress when cancelled is finished");
            Assert.That(stopped.Checkpoint, Does.EndWith("step-00000007.json"), "a checkpoint where it stopped, between the regular ones");
            Assert.That(CheckpointStore.ReadManifest(stopped.Checkpoint!).State.Step, Is.EqualTo(7));
            Assert.That(stopped.Message, Does.Contain("step 7/16").And.Contain(stopped.Checkpoint));

            var resumed = new SupernetTrainer(TinySpace.Spec, Options(cancelled.Path, false) with { Resume = true }).Train(TinySpace.ShippedTrain, null);
            using (resumed.Supernet)
            {
                Assert.That(resumed.Completed, Is.True);
                var expected = StateDicts.Snapshot(full.Supernet);
                var actual = StateDicts.Snapshot(resumed.Supernet);
                Assert.That(actual.Keys, Is.EquivalentTo(expected.Keys));
                foreach (var (name, values) in expected)
                    Assert.That(actual[name], Is.EqualTo(values), $"{name} differs after resume");
                Assert.That(resumed.StepLosses, Is.EqualTo(full.StepLosses.Skip(7)), "the resumed steps see the same losses");
            }
        }
    }

    [Test]
    public void A_run_cancelled_on_a_regular_checkpoint_names_that_checkpoint_and_writes_no_other()
    {
        using var folder = new TempDirectory();
        using var cancellation = new CancellationTokenSource();
        var options = Options(folder.Path, false) with { ProgressEverySteps = 1, StopAfterStep = 6 };
        var trainer = new SupernetTrainer(TinySpace.Spec, options, new CancelAfterLine("(5/16)", cancellation));
        var stopped = Assert.Throws<TrainingCancelledException>(() => trainer.Train(TinySpace.ShippedTrain, null, cancellation.Token))!;
        Assert.That(stopped.Step, Is.EqualTo(5));
        Assert.That(stopped.Checkpoint, Does.EndWith("step-00000005.json"));
        Assert.That(Directory.GetFiles(folder.Path, "step-*.json").Select(Path.GetFileName), Is.EqualTo(new[] { "step-00000005.json" }));
    }

    /// <summary>Requests cancellation when the trainer reports a progress line containing a marker.</summary>
    private sealed class CancelAfterLine(string marker, CancellationTokenSource cancellation) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        public override void WriteLine(string? value)
        {
            if (value?.Contains(marker, StringComparison.Ordinal) == true) cancellation.Cancel();
            base.WriteLine(value);
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
