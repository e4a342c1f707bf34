using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Training.Data;
using Quasar.HwGen.Training.Model;
using Quasar.HwGen.Training.Spaces;
using static TorchSharp.torch;

namespace Quasar.HwGen.Training.Evaluation;

/// <summary>The fake-quant model's top-1 class per image, to compare prediction by prediction with the integer model.</summary>
public static class SubnetPredictor
{
    public static int[] Predict(Supernet supernet, SubnetChoice subnet, LabeledImages images, int batchSize = 500)
    {
        ArgumentNullException.ThrowIfNull(supernet);
        ArgumentNullException.ThrowIfNull(images);
        var previousSubnet = supernet.Subnet;
        bool wasTraining = supernet.training;
        var builder = new BatchBuilder(supernet.Spec);
        var predictions = new int[images.Count];
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
                var top = supernet.forward(builder.Build(images, batch, augment: null)).argmax(1).data<long>().ToArray();
                for (int i = 0; i < top.Length; i++) predictions[start + i] = (int)top[i];
            }
        }
        finally
        {
            supernet.Subnet = previousSubnet;
            supernet.train(wasTraining);
        }
        return predictions;
    }
}
