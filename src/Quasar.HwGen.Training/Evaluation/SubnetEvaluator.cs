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
        ArgumentNullException.ThrowIfNull(supernet);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        FloatingPointEnvironment.FlushDenormalsToZero(); // a trained model's softmax yields denormals (see there)
        var previousSubnet = supernet.Subnet;
        bool wasTraining = supernet.training;
        var builder = new BatchBuilder(supernet.Spec);
        int correct = 0;
        double lossSum = 0;
        try
        {
            supernet.Subnet = subnet;
            supernet.eval();
            using var noGrad = no_grad();
            var indices = Enumerable.Range(0, images.Count).ToArray();
            for (int start = 0; start < images.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var batch = indices.AsSpan(start, Math.Min(batchSize, images.Count - start));
                var logits = supernet.forward(builder.Build(images, batch, augment: null));
                var labels = BatchBuilder.Labels(images, batch);
                correct += (int)logits.argmax(1).eq(labels).sum().item<long>();
                lossSum += nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum).item<float>();
            }
        }
        finally
        {
            supernet.Subnet = previousSubnet;
            supernet.train(wasTraining);
        }
        return new EvaluationResult(correct, images.Count, images.Count == 0 ? 0 : lossSum / images.Count);
    }
}
