using Quasar.HwGen.Core.Lowering;
using Quasar.HwGen.Training.Model;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Quasar.HwGen.Bench.FloatModel;

/// <summary>TorchSharp layers holding given float parameters (contiguous, no gradient).</summary>
internal static class FloatLayers
{
    /// <summary>A linear of the layer's shape with row r of its weight and bias multiplied by <paramref name="rowScale"/>(r).</summary>
    public static Linear Linear(FloatLinear layer, Func<int, float> rowScale)
    {
        var weight = new float[layer.Weight.Length];
        var bias = new float[layer.Out];
        for (int r = 0; r < layer.Out; r++)
        {
            float scale = rowScale(r);
            for (int c = 0; c < layer.In; c++) weight[r * layer.In + c] = layer.Weight[r * layer.In + c] * scale;
            bias[r] = layer.Bias[r] * scale;
        }
        var linear = nn.Linear(layer.In, layer.Out);
        Load(linear.weight!, weight, [layer.Out, layer.In]);
        Load(linear.bias!, bias, [layer.Out]);
        return linear;
    }

    /// <summary>LayerNorm over the last dimension with the supernet's eps (docs/numerics.md §6).</summary>
    public static LayerNorm LayerNorm(float[] gamma, float[] beta)
    {
        var norm = nn.LayerNorm(gamma.Length, ElasticLayerNorm.Epsilon);
        Load(norm.weight!, gamma, [gamma.Length]);
        Load(norm.bias!, beta, [beta.Length]);
        return norm;
    }

    public static Parameter Parameter(float[] values, long[] shape) => new(tensor(values, shape), requires_grad: false);

    private static void Load(Parameter parameter, float[] values, long[] shape)
    {
        using var noGrad = no_grad();
        using var data = tensor(values, shape);
        parameter.copy_(data);
        parameter.requires_grad = false;
    }
}
