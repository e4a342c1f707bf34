using Quasar.HwGen.Training.Checkpoints;
using Quasar.HwGen.Training.Model;
using Quasar.HwGen.Training.Tests.Support;

namespace Quasar.HwGen.Training.Tests.Checkpoints;

/// <summary>A damaged checkpoint, or one of another search space, is refused with the file and the problem named.</summary>
[TestFixture]
public sealed class CheckpointRefusalTests
{
    private TempDirectory _folder = null!;
    private string _manifest = null!;

    [SetUp]
    public void WriteACheckpoint()
    {
        _folder = new TempDirectory();
        var options = new TrainingOptions { Threads = 1, Epochs = 1, BatchSize = 64, TrainLimit = 128, CheckpointDirectory = _folder.Path, CheckpointEverySteps = 2 };
        var result = new SupernetTrainer(TinySpace.Spec, options).Train(TinySpace.ShippedTrain, null);
        result.Supernet.Dispose();
        _manifest = result.LastCheckpoint!;
    }

    [TearDown]
    public void Delete() => _folder.Dispose();

    private string WeightsPath => Path.Combine(_folder.Path, CheckpointStore.ReadManifest(_manifest).WeightsFile);

    private CheckpointException LoadFails(Supernet? into = null)
    {
        using var supernet = into ?? new Supernet(TinySpace.Spec);
        return Assert.Throws<CheckpointException>(() => CheckpointStore.Load(_manifest, supernet))!;
    }

    [Test]
    public void An_intact_checkpoint_loads_and_restores_the_weights()
    {
        using var supernet = new Supernet(TinySpace.Spec);
        var manifest = CheckpointStore.Load(_manifest, supernet);
        Assert.That(manifest.State.Step, Is.EqualTo(2));
        Assert.That(manifest.SearchSpace, Is.EqualTo("tiny-fashion-mnist"));
        Assert.That(supernet.Blocks[0].QkvInput.IsInitialized, Is.True);
    }

    [Test]
    public void A_subnet_exported_from_a_checkpoint_carries_its_learned_steps()
    {
        var subnet = new Quasar.HwGen.Training.Spaces.SubnetSampler(TinySpace.Spec).Smallest();
        var vit = Quasar.HwGen.Training.Export.SubnetExporter.ExportCheckpoint(_manifest, TinySpace.Spec, subnet);
        Assert.That(vit.Architecture.EmbedDim, Is.EqualTo(16));
        Assert.That(vit.InputStep, Is.Not.Null.And.GreaterThan(0f));
        Assert.That(vit.Blocks[0].Steps.Probabilities, Is.Not.Null.And.GreaterThan(0f));
    }

    [Test]
    public void A_weights_file_with_a_flipped_byte_is_refused_as_corrupt()
    {
        var bytes = File.ReadAllBytes(WeightsPath);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(WeightsPath, bytes);

        var error = LoadFails();
        Assert.That(error.Path, Is.EqualTo(WeightsPath));
        Assert.That(error.Message, Does.Contain(WeightsPath).And.Contain("corrupt: SHA-256"));
    }

    [Test]
    public void A_truncated_weights_file_is_refused_as_truncated()
    {
        var bytes = File.ReadAllBytes(WeightsPath);
        File.WriteAllBytes(WeightsPath, bytes[..(bytes.Length / 3)]);

        Assert.That(LoadFails().Message, Does.Contain(WeightsPath).And.Contain("truncated"));
    }

    [Test]
    public void A_truncated_sidecar_is_refused_as_invalid_json()
    {
        var text = File.ReadAllText(_manifest);
        File.WriteAllText(_manifest, text[..(text.Length / 2)]);

        Assert.That(LoadFails().Message, Does.StartWith($"checkpoint {_manifest}: is not a valid checkpoint sidecar"));
    }

    [Test]
    public void A_missing_optimizer_file_is_refused_naming_it()
    {
        var optimizer = Path.Combine(_folder.Path, CheckpointStore.ReadManifest(_manifest).OptimizerFile);
        File.Delete(optimizer);

        Assert.That(LoadFails().Message, Is.EqualTo($"checkpoint {optimizer}: is missing (named by its sidecar)"));
    }

    [Test]
    public void A_checkpoint_of_another_search_space_is_refused_naming_both_spaces()
    {
        var error = LoadFails(new Supernet(Quasar.HwGen.Training.Spaces.BuiltInSpaces.FashionMnist));
        Assert.That(error.Message, Is.EqualTo($"checkpoint {_manifest}: was trained for search space 'tiny-fashion-mnist', not 'fashion-mnist'"));
    }

    [Test]
    public void A_checkpoint_of_a_changed_space_with_the_same_name_is_refused()
    {
        var changed = TinySpace.Spec with { EmbedDims = [16, 32] };
        var error = LoadFails(new Supernet(changed));
        Assert.That(error.Message, Does.Contain("search space 'tiny-fashion-mnist' has changed since this checkpoint was written"));
    }

    [Test]
    public void Resume_refuses_a_corrupt_latest_checkpoint_instead_of_starting_over()
    {
        File.WriteAllBytes(WeightsPath, [1, 2, 3]);
        var options = new TrainingOptions { Threads = 1, Epochs = 1, BatchSize = 64, TrainLimit = 128, CheckpointDirectory = _folder.Path, Resume = true };

        var error = Assert.Throws<CheckpointException>(() => new SupernetTrainer(TinySpace.Spec, options).Train(TinySpace.ShippedTrain, null));
        Assert.That(error!.Message, Does.Contain(WeightsPath));
    }

    [Test]
    public void A_fresh_run_into_a_folder_with_a_run_is_refused_and_leaves_it_as_it_was()
    {
        var before = Directory.GetFiles(_folder.Path).ToDictionary(file => file, File.ReadAllBytes);
        var options = new TrainingOptions { Threads = 1, Epochs = 1, BatchSize = 64, TrainLimit = 128, CheckpointDirectory = _folder.Path, CheckpointEverySteps = 1 };

        var error = Assert.Throws<CheckpointException>(() => new SupernetTrainer(TinySpace.Spec, options).Train(TinySpace.ShippedTrain, null))!;

        Assert.That(error.Message, Does.Contain(_manifest).And.Contain("--resume"));
        Assert.That(Directory.GetFiles(_folder.Path), Is.EquivalentTo(before.Keys));
        foreach (var (file, bytes) in before) Assert.That(File.ReadAllBytes(file), Is.EqualTo(bytes), file);
    }

    [Test]
    public void A_sidecar_written_before_the_newer_state_fields_reads_with_their_defaults()
    {
        var lines = File.ReadAllLines(_manifest);
        var older = lines.Where(line => !line.Contains("\"min_learning_rate\"") && !line.Contains("\"averaged_from\"")).ToArray();
        Assert.That(older, Has.Length.EqualTo(lines.Length - 2), "both fields were written");
        older = older.Select(line => line.Contains("\"init_from\"") ? line.TrimEnd(',') : line).ToArray(); // now the last field of the state
        File.WriteAllLines(_manifest, older);

        var state = CheckpointStore.ReadManifest(_manifest).State;

        Assert.That(state.MinLearningRate, Is.EqualTo(new TrainingOptions().MinLearningRate), "so that runs written before can still be resumed");
        Assert.That(state.AveragedFrom, Is.Null);
    }

    private void EditSidecar(string field, System.Text.Json.Nodes.JsonNode? value)
    {
        var sidecar = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(_manifest))!.AsObject();
        sidecar[field] = value;
        File.WriteAllText(_manifest, sidecar.ToJsonString());
    }

    [Test]
    public void A_sidecar_naming_a_weights_file_outside_its_folder_is_refused()
    {
        EditSidecar("weights_file", "../../etc/passwd");

        Assert.That(LoadFails().Message, Is.EqualTo(
            $"checkpoint {_manifest}: is not a valid checkpoint sidecar: weights_file '../../etc/passwd' is not a file name beside the sidecar; use another checkpoint or retrain"));
    }

    [Test]
    public void A_sidecar_without_a_checksum_is_refused_naming_the_field()
    {
        EditSidecar("optimizer_sha256", null);

        Assert.That(LoadFails().Message, Does.Contain("optimizer_sha256 is not a SHA-256 in hex"));
    }

    [Test]
    public void A_sidecar_with_a_short_fingerprint_is_refused_naming_the_field()
    {
        EditSidecar("spec_fingerprint", "abc");

        Assert.That(LoadFails().Message, Does.Contain("spec_fingerprint is not a SHA-256 in hex"));
    }

    [Test]
    [Platform("Linux")]
    public void A_fifo_given_as_a_sidecar_is_refused_without_waiting_for_a_writer()
    {
        var fifo = Path.Combine(_folder.Path, "step-99999999.json");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();

        var read = Task.Run(() => CheckpointStore.ReadManifest(fifo));
        bool finished = ((IAsyncResult)read).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(10));
        if (!finished) using (new FileStream(fifo, FileMode.Open, FileAccess.Write)) { }

        Assert.That(finished, Is.True, "the read did not block on the FIFO");
        Assert.That(read.Exception?.InnerException?.Message, Is.EqualTo($"{fifo}: is a FIFO (named pipe), not a regular file; give the path of a file"));
    }
}
