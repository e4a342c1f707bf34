using Quasar.HwGen.Training.Checkpoints;
using Quasar.HwGen.Training.Model;
using Quasar.HwGen.Training.Tests.Support;

namespace Quasar.HwGen.Training.Tests.Checkpoints;

/// <summary>Weight averaging writes the element-wise mean as a checkpoint that loads, says what it averaged, and overwrites nothing.</summary>
[TestFixture]
public sealed class CheckpointAveragerTests
{
    private TempDirectory _folder = null!;
    private string _first = null!, _second = null!;

    [OneTimeSetUp]
    public void TrainTwoRuns()
    {
        _folder = new TempDirectory();
        _first = TrainRun("first", seed: 1);
        _second = TrainRun("second", seed: 2);
    }

    [OneTimeTearDown]
    public void Delete() => _folder.Dispose();

    private string TrainRun(string name, int seed)
    {
        var options = new TrainingOptions
        {
            Threads = 1, Epochs = 1, BatchSize = 64, TrainLimit = 192, Seed = seed,
            CheckpointDirectory = Path.Combine(_folder.Path, name), CheckpointEverySteps = 100,
        };
        var result = new SupernetTrainer(TinySpace.Spec, options).Train(TinySpace.ShippedTrain, null);
        result.Supernet.Dispose();
        return result.LastCheckpoint!;
    }

    private static Dictionary<string, float[]> Weights(string manifest)
    {
        using var supernet = new Supernet(TinySpace.Spec);
        CheckpointStore.Load(manifest, supernet);
        return StateDicts.Snapshot(supernet);
    }

    [Test]
    public void The_average_of_two_runs_is_their_element_wise_mean_and_loads_as_a_checkpoint()
    {
        string output = Path.Combine(_folder.Path, "mean");
        string written = CheckpointAverager.Average([_first, _second], TinySpace.Spec, output);

        var a = Weights(_first);
        var b = Weights(_second);
        var mean = Weights(written);
        Assert.That(mean.Keys, Is.EquivalentTo(a.Keys));
        int differing = 0;
        foreach (var (name, values) in mean)
        {
            for (int i = 0; i < values.Length; i++)
            {
                float expected = (float)(((double)a[name][i] + b[name][i]) / 2);
                Assert.That(values[i], Is.EqualTo(expected), $"{name}[{i}]");
                differing += a[name][i] != b[name][i] ? 1 : 0;
            }
        }
        Assert.That(differing, Is.GreaterThan(1000), "two seeds give different weights, so the mean is not one of them");

        var manifest = CheckpointStore.ReadManifest(written);
        Assert.That(manifest.State.AveragedFrom, Does.StartWith("mean of 2 checkpoints")
            .And.Contain(CheckpointStore.ReadManifest(_first).WeightsSha256)
            .And.Contain(CheckpointStore.ReadManifest(_second).WeightsSha256));
        Assert.That(manifest.LastLoss, Is.NaN, "no training step produced the average");
        Assert.That(manifest.State with { AveragedFrom = null }, Is.EqualTo(CheckpointStore.ReadManifest(_second).State), "the last ingredient's state");
    }

    [Test]
    public void The_average_of_one_checkpoint_is_that_checkpoint()
    {
        string written = CheckpointAverager.Average([_first], TinySpace.Spec, Path.Combine(_folder.Path, "single"));

        var expected = Weights(_first);
        foreach (var (name, values) in Weights(written))
            Assert.That(values, Is.EqualTo(expected[name]), name);
    }

    [Test]
    public void A_folder_that_already_holds_a_checkpoint_is_refused_and_left_as_it_was()
    {
        string folder = Path.GetDirectoryName(_first)!;
        var before = Directory.GetFiles(folder).ToDictionary(file => file, File.ReadAllBytes);

        var error = Assert.Throws<CheckpointException>(() => CheckpointAverager.Average([_first, _second], TinySpace.Spec, folder))!;

        Assert.That(error.Message, Does.Contain(folder).And.Contain("choose another output folder"));
        Assert.That(Directory.GetFiles(folder), Is.EquivalentTo(before.Keys));
        foreach (var (file, bytes) in before) Assert.That(File.ReadAllBytes(file), Is.EqualTo(bytes), file);
    }

    [Test]
    public void A_folder_with_the_binaries_of_a_renamed_checkpoint_is_refused_and_left_as_it_was()
    {
        // The shipped layout: the sidecar renamed to supernet.json, the binaries keep their step names.
        string folder = Path.Combine(_folder.Path, "shipped");
        Directory.CreateDirectory(folder);
        string stem = Path.GetFileNameWithoutExtension(_second);
        foreach (var extension in new[] { ".weights.bin", ".optimizer.bin" })
            File.Copy(Path.Combine(Path.GetDirectoryName(_second)!, stem + extension), Path.Combine(folder, stem + extension));
        File.Copy(_second, Path.Combine(folder, "supernet.json"));
        var before = Directory.GetFiles(folder).ToDictionary(file => file, File.ReadAllBytes);

        var error = Assert.Throws<CheckpointException>(() => CheckpointAverager.Average([_first, _second], TinySpace.Spec, folder))!;

        Assert.That(error.Path, Does.StartWith(Path.Combine(folder, stem)));
        Assert.That(Directory.GetFiles(folder), Is.EquivalentTo(before.Keys));
        foreach (var (file, bytes) in before) Assert.That(File.ReadAllBytes(file), Is.EqualTo(bytes), file);
    }

    [Test]
    public void Resuming_training_from_an_average_is_refused_because_no_run_wrote_it()
    {
        string output = Path.Combine(_folder.Path, "resume");
        CheckpointAverager.Average([_first, _second], TinySpace.Spec, output);
        var options = new TrainingOptions
        {
            Threads = 1, Epochs = 1, BatchSize = 64, TrainLimit = 192, Seed = 1,
            CheckpointDirectory = output, CheckpointEverySteps = 100, Resume = true,
        };

        var error = Assert.Throws<CheckpointException>(() => new SupernetTrainer(TinySpace.Spec, options).Train(TinySpace.ShippedTrain, null))!;

        Assert.That(error.Message, Does.Contain("AveragedFrom mean of 2 checkpoints"));
    }
}
