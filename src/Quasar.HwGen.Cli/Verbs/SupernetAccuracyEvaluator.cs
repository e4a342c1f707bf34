using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Search;
using Quasar.HwGen.Training.Checkpoints;
using Quasar.HwGen.Training.Evaluation;
using Quasar.HwGen.Training.Model;
using Quasar.HwGen.Training.Spaces;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>The search's accuracy: a subnet of the trained supernet (fake-quant, shared weights) on the held-out validation images.</summary>
internal sealed class SupernetAccuracyEvaluator(Supernet supernet, LabeledImages validation, string checkpoint, string data) : IAccuracyEvaluator
{
    public string Source { get; } =
        $"supernet weights sha256 {CheckpointStore.ReadManifest(checkpoint).WeightsSha256}, {validation.Count} validation images of {data}";

    public double Evaluate(Subnet subnet, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return SubnetEvaluator.Evaluate(supernet, ConfigConversions.ToChoice(subnet), validation).Accuracy;
    }
}
