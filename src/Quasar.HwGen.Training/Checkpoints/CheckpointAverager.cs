using System.Globalization;
using Quasar.HwGen.Training.Model;
using Quasar.HwGen.Training.Spaces;
using TorchSharp;
using static TorchSharp.torch;
using Quasar.HwGen.Training.Native;

namespace Quasar.HwGen.Training.Checkpoints;

/// <summary>
/// Weight averaging: the element-wise mean of several checkpoints of one supernet, written as a new checkpoint. The
/// snapshots of one run at a constant learning rate average into a flatter region of the loss than any of them
/// (stochastic weight averaging), which helps a model that fits its training images better than its validation images.
/// Runs that have moved apart need not share a basin, and their mean can be worse than either (measured in
/// docs/training.md), so choose an average on the validation split. The learned quantizer steps and SLS λ are averaged
/// like the weights: they are parameters of the same model.
/// </summary>
public static class CheckpointAverager
{
    /// <summary>
    /// Averages <paramref name="manifests"/> into a checkpoint in <paramref name="directory"/>, which must hold none yet.
    /// Its training state is the last ingredient's, with <see cref="TrainingState.AveragedFrom"/> naming every ingredient.
    /// </summary>
    /// <returns>The new checkpoint's sidecar.</returns>
    public static string Average(IReadOnlyList<string> manifests, SupernetSpec spec, string directory)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        ArgumentNullException.ThrowIfNull(spec);
        if (manifests.Count == 0) throw new ArgumentException("name at least one checkpoint to average", nameof(manifests));
        var store = new CheckpointStore(directory, keep: 0);
        const string Refusal = "is already in the output folder; the average goes into a folder without checkpoints, so that none is overwritten: choose another output folder";
        if (store.Latest() is string existing) throw new CheckpointException(existing, Refusal);
        // Also the binaries of a checkpoint whose sidecar has another name (a shipped supernet.json).
        long step = CheckpointStore.ReadManifest(manifests[^1]).State.Step;
        if (store.FilesOf(step).FirstOrDefault(File.Exists) is string taken) throw new CheckpointException(taken, Refusal);

        using var noGrad = torch.no_grad();
        var sums = new Dictionary<string, Tensor>();
        try
        {
            TrainingState? first = null, last = null;
            var identities = new List<string>();
            foreach (var path in manifests)
            {
                using var ingredient = new Supernet(spec);
                var manifest = CheckpointStore.Load(path, ingredient);
                if (first is not null && manifest.State.FakeQuant != first.FakeQuant)
                    throw new CheckpointException(path, $"is a {Kind(manifest.State)} checkpoint and {manifests[0]} a {Kind(first)} one; average checkpoints of one kind");
                first ??= manifest.State;
                last = manifest.State;
                identities.Add(manifest.WeightsSha256);
                Accumulate(sums, ingredient, path, manifests[0]);
            }

            using var mean = new Supernet(spec);
            using var count = ((double)manifests.Count).ToScalar();
            foreach (var (name, tensor) in mean.state_dict())
            {
                using var value = tensor.is_floating_point() ? sums[name].div(count) : sums[name].alias();
                tensor.copy_(value);
            }
            // The state (and so the file name) of the last ingredient: for snapshots of one run, where the run ended.
            using var optimizer = SupernetTrainer.CreateOptimizer(mean, last!.LearningRate, last.WeightDecay);
            var state = last with
            {
                AveragedFrom = string.Create(CultureInfo.InvariantCulture, $"mean of {manifests.Count} checkpoints, weights sha256 {string.Join(", ", identities)}"),
            };
            return store.Save(mean, optimizer, state, double.NaN);
        }
        finally
        {
            foreach (var sum in sums.Values) sum.Dispose();
        }
    }

    /// <summary>Adds the floating tensors in double precision; flags and counters must agree, as they are not averaged.</summary>
    private static void Accumulate(Dictionary<string, Tensor> sums, Supernet ingredient, string path, string firstPath)
    {
        foreach (var (name, tensor) in ingredient.state_dict())
        {
            bool exists = sums.TryGetValue(name, out var sum);
            if (!tensor.is_floating_point())
            {
                if (!exists) sums[name] = tensor.clone();
                else if (!Equal(sum!, tensor)) throw new CheckpointException(path, $"differs from {firstPath} in '{name}', which cannot be averaged");
                continue;
            }
            using var value = tensor.to_type(ScalarType.Float64);
            if (exists) TensorSum.AddInPlace(sum!, value);
            else sums[name] = value.clone();
        }
    }

    private static bool Equal(Tensor a, Tensor b)
    {
        using var same = a.eq(b).all();
        return same.item<bool>();
    }

    private static string Kind(TrainingState state) => state.FakeQuant ? "fake-quant" : "float";
}
