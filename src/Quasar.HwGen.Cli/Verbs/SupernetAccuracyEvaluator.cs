using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Search;
using Quasar.HwGen.Training.Evaluation;
using Quasar.HwGen.Training.Model;
using Quasar.HwGen.Training.Spaces;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>The search's accuracy: a subnet of the trained supernet (fake-quant, shared weights) on the held-out validation images.</summary>
internal sealed class SupernetAccuracyEvaluator(Supernet supernet, LabeledImages validation) : IAccuracyEvaluator
{
    public double Evaluate(Subnet subnet, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return SubnetEvaluator.Evaluate(supernet, ConfigConversions.ToChoice(subnet), validation).Accuracy;
    }
}
