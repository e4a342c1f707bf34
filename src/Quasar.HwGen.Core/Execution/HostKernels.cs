using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;
using Quasar.HwGen.Core.Numerics;
using Ops = Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.HwGen.Core.Execution;

/// <summary>The host ops of the interpreter, shaped by their IR ops; the arithmetic lives in Numerics.HostOps.</summary>
internal static class HostKernels
{
    /// <summary>Row n = patch n (raster order), column (c·p + i)·p + j, normalized (pixel/255 − mean[c]) / std[c].</summary>
    public static float[] Patchify(PatchifyOp op, ReadOnlySpan<byte> image)
    {
        int size = op.ImageSize, p = op.PatchSize, perSide = size / p, features = op.Channels * p * p;
        if (image.Length != op.Channels * size * size)
            throw new ArgumentException($"image has {image.Length} bytes; the model expects {op.Channels}x{size}x{size} = {op.Channels * size * size}", nameof(image));
        var result = new float[op.PatchCount * features];
        for (int py = 0; py < perSide; py++)
        {
            for (int px = 0; px < perSide; px++)
            {
                int row = (py * perSide + px) * features;
                for (int c = 0; c < op.Channels; c++)
                {
                    float mean = op.Mean[c], std = op.Std[c];
                    for (int i = 0; i < p; i++)
                    {
                        for (int j = 0; j < p; j++)
                        {
                            byte pixel = image[(c * size + py * p + i) * size + px * p + j];
                            result[row + (c * p + i) * p + j] = (pixel / 255f - mean) / std;
                        }
                    }
                }
            }
        }
        return result;
    }

    /// <summary>6-bit through the (vectorized) host quantizer; 8-bit with the same formula and the int8 range.</summary>
    public static sbyte[] Quantize(float[] input, TensorType type)
    {
        if (type.Element == ElementType.Int6) return HostQuantizer.Quantize(input, type.Step);
        var output = new sbyte[input.Length];
        for (int i = 0; i < input.Length; i++)
            output[i] = (sbyte)Math.Clamp(MathF.Round(input[i] / type.Step, MidpointRounding.ToEven), type.Min, type.Max);
        return output;
    }

    public static float[] LayerNorm(LayerNormOp op, float[] input, TensorType type)
    {
        var output = new float[input.Length];
        Ops.LayerNorm.Apply(input, type.Columns, op.Gamma, op.Beta, output, op.Epsilon);
        return output;
    }

    public static float[] Softmax(float[] input, TensorType type)
    {
        var output = new float[input.Length];
        Ops.Softmax.Apply(input, type.Columns, output);
        return output;
    }

    public static float[] Gelu(float[] input)
    {
        var output = new float[input.Length];
        Ops.Gelu.Apply(input, output);
        return output;
    }

    public static float[] Add(float[] a, float[] b)
    {
        var output = new float[a.Length];
        for (int i = 0; i < a.Length; i++) output[i] = a[i] + b[i];
        return output;
    }
}
