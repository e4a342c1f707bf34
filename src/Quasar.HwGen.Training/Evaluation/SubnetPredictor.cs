using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Training.Model;
using Quasar.HwGen.Training.Spaces;

namespace Quasar.HwGen.Training.Evaluation;

/// <summary>The fake-quant model's top-1 class per image, to compare prediction by prediction with the integer model.</summary>
public static class SubnetPredictor
{
    public static int[] Predict(Supernet supernet, SubnetChoice subnet, LabeledImages images, int batchSize = 500)
    {
        ArgumentNullException.ThrowIfNull(images);
        var predictions = new int[images.Count];
        SubnetEvaluator.ForEachBatch(supernet, subnet, images, batchSize, (logits, start, count) =>
        {
            var top = logits.argmax(1).data<long>().ToArray();
            for (int i = 0; i < count; i++) predictions[start + i] = (int)top[i];
        });
        return predictions;
    }
}
