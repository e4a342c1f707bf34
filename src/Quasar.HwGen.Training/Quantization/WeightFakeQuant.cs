using TorchSharp;
using static TorchSharp.torch;
using Quasar.HwGen.Training.Native;

namespace Quasar.HwGen.Training.Quantization;

/// <summary>
/// Per-row symmetric weight fake-quantization, exactly the export format of docs/numerics.md §1:
/// <c>s[r] = max|W[r,:]| / qmax</c> (a zero row gets s = 1), <c>Wq = clamp(round_even(W / s), −qmax−1, qmax)</c>,
/// with qmax = 7 for 4-bit rows and 127 for 8-bit rows. The float value used in training is <c>Wq · s</c>.
/// </summary>
public static class WeightFakeQuant
{
    public const float QMax4 = 7f;
    public const float QMax8 = 127f;

    /// <summary>A column [rows, 1] of qmax per row (127 for 8-bit rows, 7 for 4-bit).</summary>
    public static Tensor QMaxColumn(bool[] rowIs8Bit, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(rowIs8Bit);
        var values = new float[rowIs8Bit.Length];
        for (int r = 0; r < values.Length; r++) values[r] = rowIs8Bit[r] ? QMax8 : QMax4;
        return tensor(values, [values.Length, 1], device: device);
    }

    /// <summary>The per-row steps [rows, 1] of <paramref name="weight"/> [rows, cols].</summary>
    public static Tensor RowSteps(Tensor weight, Tensor qmax)
    {
        ArgumentNullException.ThrowIfNull(weight);
        using var max = weight.detach().abs().amax([1], keepdim: true);
        using var step = max / qmax;
        // Explicit scalars held to the end of the method: an implicitly converted one can be finalized by the GC
        // while the native call still reads it (a search crashed in masked_fill with a garbage scalar).
        using var zero = 0f.ToScalar();
        using var one = 1f.ToScalar();
        using var isZero = max.eq(zero);
        return step.masked_fill(isZero, one);
    }

    /// <summary>The integer codes (as floats) and the per-row steps; <c>codes · steps</c> is the fake-quantized weight.</summary>
    public static (Tensor Codes, Tensor Steps) Quantize(Tensor weight, Tensor qmax)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(qmax);
        var steps = RowSteps(weight, qmax);
        using var scaled = weight.detach() / steps;
        using var rounded = scaled.round();
        using var one = 1f.ToScalar();
        using var negated = qmax.neg();
        using var lower = negated.sub(one);
        using var clampedHigh = rounded.minimum(qmax);
        var codes = clampedHigh.maximum(lower);
        return (codes, steps);
    }

    /// <summary>
    /// The fake-quantized weight with a straight-through gradient: the forward value is exactly <c>Wq · s</c>, the
    /// gradient with respect to <paramref name="weight"/> is the identity (no clipping happens: |W/s| ≤ qmax by
    /// construction).
    /// </summary>
    public static Tensor Apply(Tensor weight, Tensor qmax)
    {
        var (value, steps) = ApplyWithSteps(weight, qmax);
        steps.Dispose();
        return value;
    }

    /// <summary><see cref="Apply"/>, and the per-row steps [rows, 1] it quantized with (the caller disposes both).</summary>
    public static (Tensor Value, Tensor Steps) ApplyWithSteps(Tensor weight, Tensor qmax)
    {
        ArgumentNullException.ThrowIfNull(weight);
        var (codes, steps) = Quantize(weight, qmax);
        using (codes)
        {
            using var dequantized = codes * steps;
            // value: dequantized + (w − w) = dequantized exactly; gradient: identity.
            using var zeroWithGradient = weight - weight.detach();
            return (TensorSum.Of(dequantized, zeroWithGradient), steps);
        }
    }
}
