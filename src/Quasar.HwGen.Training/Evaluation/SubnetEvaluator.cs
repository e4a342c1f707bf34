using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Training.Data;
using Quasar.HwGen.Training.Model;
using Quasar.HwGen.Training.Native;
using Quasar.HwGen.Training.Spaces;
using TorchSharp;
using static TorchSharp.torch;

namespace Quasar.HwGen.Training.Evaluation;

/// <summary>Runs a subnet of a supernet (fake-quantized, eval mode, no augmentation) over a dataset.</summary>
public static class SubnetEvaluator
{
    public static EvaluationResult Evaluate(Supernet supernet, SubnetChoice subnet, LabeledImages images, int batchSize = 500)
    {
        int correct = 0;
        double lossSum = 0;
        ForEachBatch(supernet, subnet, images, batchSize, (logits, start, count) =>
        {
            var labels = BatchBuilder.Labels(images, Enumerable.Range(start, count).ToArray());
            correct += (int)logits.argmax(1).eq(labels).sum().item<long>();
            lossSum += nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum).item<float>();
        });
        return new EvaluationResult(correct, images.Count, images.Count == 0 ? 0 : lossSum / images.Count);
    }

    /// <summary>
    /// Runs <paramref name="subnet"/> in eval mode over <paramref name="images"/> in batches and hands each batch's logits
    /// (with the batch's first index and size) to <paramref name="onLogits"/>; restores the supernet's subnet and mode.
    /// </summary>
    internal static void ForEachBatch(Supernet supernet, SubnetChoice subnet, LabeledImages images, int batchSize, Action<Tensor, int, int> onLogits)
    {
        ArgumentNullException.ThrowIfNull(supernet);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        FloatingPointEnvironment.FlushDenormalsToZero(); // a trained model's softmax yields denormals (see there)
        var previousSubnet = supernet.Subnet;
        bool wasTraining = supernet.training;
        var builder = new BatchBuilder(supernet.Spec);
        try
        {
            supernet.Subnet = subnet;
            supernet.eval();
            using var noGrad = no_grad();
            var indices = Enumerable.Range(0, images.Count).ToArray();
            for (int start = 0; start < images.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                int count = Math.Min(batchSize, images.Count - start);
                onLogits(supernet.forward(builder.Build(images, indices.AsSpan(start, count), augment: null)), start, count);
            }
        }
        finally
        {
            supernet.Subnet = previousSubnet;
            supernet.train(wasTraining);
        }
    }
}
