using Quasar.HwGen.Core.Lowering;

namespace Quasar.HwGen.Training.Tests.Export;

/// <summary>
/// A scalar float reference of what a fake-quantized <see cref="FloatVit"/> computes for one normalized image, written
/// from docs/numerics.md §5 without TorchSharp: the exporter is right if this reproduces the supernet's logits.
/// </summary>
public static class FloatVitReference
{
    public static float[] Logits(FloatVit vit, float[] image)
    {
        ArgumentNullException.ThrowIfNull(vit);
        ArgumentNullException.ThrowIfNull(image);
        var a = vit.Architecture;
        int d = a.EmbedDim, p = a.PatchSize, grid = a.ImageSize / p, tokens = a.Tokens;

        var patches = new float[a.PatchCount][];
        for (int n = 0; n < a.PatchCount; n++)
        {
            patches[n] = new float[a.PatchFeatures];
            for (int c = 0; c < a.Channels; c++)
                for (int i = 0; i < p; i++)
                    for (int j = 0; j < p; j++)
                        patches[n][(c * p + i) * p + j] = image[(c * a.ImageSize + (n / grid) * p + i) * a.ImageSize + (n % grid) * p + j];
        }

        var x = new float[tokens][];
        x[0] = new float[d];
        for (int k = 0; k < d; k++) x[0][k] = vit.ClassToken[k] + vit.PositionEmbedding[k];
        for (int n = 0; n < a.PatchCount; n++)
        {
            var embedded = Linear(Quantize(patches[n], vit.InputStep!.Value, 31), vit.PatchEmbed);
            x[n + 1] = new float[d];
            for (int k = 0; k < d; k++) x[n + 1][k] = embedded[k] + vit.PositionEmbedding[(n + 1) * d + k];
        }

        foreach (var (block, shape) in vit.Blocks.Zip(a.Blocks))
        {
            var s = block.Steps;
            int heads = shape.Heads, hd = shape.HeadDim, attention = shape.AttentionDim;
            var qkv = x.Select(t => Linear(Quantize(LayerNorm(t, block.Norm1Gamma, block.Norm1Beta), s.QkvInput!.Value, 31), block.Qkv)).ToArray();
            var q = qkv.Select(r => Quantize(r[..attention], s.Query!.Value, 31)).ToArray();
            var key = qkv.Select(r => Quantize(r[attention..(2 * attention)], s.Key!.Value, 127)).ToArray();
            var value = qkv.Select(r => Quantize(r[(2 * attention)..], s.Value!.Value, 127)).ToArray();
            var context = new float[tokens][];
            for (int t = 0; t < tokens; t++) context[t] = new float[attention];
            for (int h = 0; h < heads; h++)
            {
                for (int t = 0; t < tokens; t++)
                {
                    var scores = new float[tokens];
                    for (int u = 0; u < tokens; u++)
                    {
                        float dot = 0;
                        for (int k = 0; k < hd; k++) dot += q[t][h * hd + k] * key[u][h * hd + k];
                        scores[u] = dot * (float)(1.0 / Math.Sqrt(hd));
                    }
                    var probabilities = Quantize(Softmax(scores), s.Probabilities!.Value, 31);
                    for (int k = 0; k < hd; k++)
                    {
                        float sum = 0;
                        for (int u = 0; u < tokens; u++) sum += probabilities[u] * value[u][h * hd + k];
                        context[t][h * hd + k] = sum;
                    }
                }
            }
            for (int t = 0; t < tokens; t++)
            {
                var projected = Linear(Quantize(context[t], s.ProjInput!.Value, 31), block.Proj);
                for (int k = 0; k < d; k++) x[t][k] += block.Sls1[k] * projected[k];
                var hidden = Linear(Quantize(LayerNorm(x[t], block.Norm2Gamma, block.Norm2Beta), s.Fc1Input!.Value, 31), block.Fc1);
                var mlp = Linear(Quantize(hidden.Select(Gelu).ToArray(), s.Fc2Input!.Value, 31), block.Fc2);
                for (int k = 0; k < d; k++) x[t][k] += block.Sls2[k] * mlp[k];
            }
        }

        return Linear(Quantize(LayerNorm(x[0], vit.NormGamma, vit.NormBeta), vit.HeadInputStep!.Value, 31), vit.Head);
    }

    /// <summary>numerics.md §1: per-row steps max|w|/qmax, codes clamp(round_even(w/s)), fake-quant value code·s.</summary>
    private static float[] Linear(float[] input, FloatLinear layer)
    {
        var output = new float[layer.Out];
        for (int r = 0; r < layer.Out; r++)
        {
            float qmax = layer.RowIs8Bit[r] ? 127f : 7f, max = 0;
            for (int k = 0; k < layer.In; k++) max = MathF.Max(max, MathF.Abs(layer.Weight[r * layer.In + k]));
            float step = max == 0 ? 1f : max / qmax;
            float sum = 0;
            for (int k = 0; k < layer.In; k++)
                sum += input[k] * Math.Clamp(MathF.Round(layer.Weight[r * layer.In + k] / step, MidpointRounding.ToEven), -qmax - 1, qmax) * step;
            output[r] = sum + layer.Bias[r];
        }
        return output;
    }

    private static float[] Quantize(float[] values, float step, int qmax) =>
        values.Select(v => Math.Clamp(MathF.Round(v / step, MidpointRounding.ToEven), -qmax - 1, qmax) * step).ToArray();

    private static float[] LayerNorm(float[] x, float[] gamma, float[] beta)
    {
        float mean = x.Average(), variance = x.Select(v => (v - mean) * (v - mean)).Average();
        float scale = 1f / MathF.Sqrt(variance + 1e-6f);
        return x.Select((v, k) => (v - mean) * scale * gamma[k] + beta[k]).ToArray();
    }

    private static float[] Softmax(float[] scores)
    {
        float max = scores.Max();
        var e = scores.Select(v => MathF.Exp(v - max)).ToArray();
        float sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }

    private static float Gelu(float x) => (float)(0.5 * x * (1 + Erf(x / Math.Sqrt(2))));

    /// <summary>erf by Abramowitz–Stegun 7.1.26 (|error| ≤ 1.5e-7), ample for a comparison with tolerances.</summary>
    private static double Erf(double x)
    {
        double t = 1 / (1 + 0.3275911 * Math.Abs(x));
        double y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return Math.Sign(x) * y;
    }
}
