using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;
using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.HwGen.Core.Execution;

/// <summary>
/// The host ops of the interpreter, one IR op at a time (unfused), shaped by their IR ops; the arithmetic lives in
/// Numerics.HostOps, whose fused kernels give the same bits (docs/numerics.md §6).
/// </summary>
internal static class HostKernels
{
    public static float[] Patchify(PatchifyOp op, ReadOnlySpan<byte> image)
    {
        var result = new float[op.PatchCount * op.Channels * op.PatchSize * op.PatchSize];
        Numerics.HostOps.Patchify.Apply(image, op.ImageSize, op.PatchSize, op.Mean, op.Std, result);
        return result;
    }

    /// <summary>float32 → Int6 or Int8 at the output's step and range.</summary>
    public static sbyte[] Quantize(float[] input, TensorType type)
    {
        var output = new sbyte[input.Length];
        Quantizer.Apply(input, type.Step, type.Min, type.Max, output);
        return output;
    }

    public static float[] LayerNorm(LayerNormOp op, float[] input, TensorType type)
    {
        var output = new float[input.Length];
        Numerics.HostOps.LayerNorm.Apply(input, type.Columns, op.Gamma, op.Beta, output, op.Epsilon);
        return output;
    }

    /// <summary>Softmax of integer scores (the verifier refuses float ones: the contract is defined on integers).</summary>
    public static float[] Softmax(TensorData scores, TensorType type)
    {
        var integers = scores.Shorts ?? Array.ConvertAll(scores.Bytes ?? throw NotInteger(scores), q => (short)q);
        var output = new float[integers.Length];
        Numerics.HostOps.Softmax.Apply(integers, type.Columns, scores.Type.Step, output);
        return output;
    }

    public static float[] Gelu(float[] input)
    {
        var output = new float[input.Length];
        Numerics.HostOps.Gelu.Apply(input, output);
        return output;
    }

    /// <summary>stream + branch, the branch dequantized (q·step) when it is an integer tensor.</summary>
    public static float[] ResidualAdd(float[] stream, TensorData branch)
    {
        var output = new float[stream.Length];
        if (branch.Shorts is not null) Numerics.HostOps.ResidualAdd.Apply(stream, branch.Shorts, branch.Type.Step, output);
        else Add(stream, branch.ToFloat(), output);
        return output;
    }

    public static float[] SelectRow(SelectRowOp op, float[] input, TensorType type)
    {
        var output = new float[type.Columns];
        Numerics.HostOps.SelectRow.Apply(input, type.Columns, op.Row, output);
        return output;
    }

    public static float[] Add(float[] a, float[] b)
    {
        var output = new float[a.Length];
        Add(a, b, output);
        return output;
    }

    private static void Add(float[] a, float[] b, float[] output)
    {
        for (int i = 0; i < a.Length; i++) output[i] = a[i] + b[i];
    }

    private static NotSupportedException NotInteger(TensorData scores) =>
        new($"softmax is defined on integer scores (docs/numerics.md §6.5); got {scores.Type}");
}
