using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.HwGen.Core.Numerics;

/// <summary>
/// float32 → 6-bit activation on the host (docs/numerics.md §1): <c>q = clamp(round_even(x · (1 / s_x)), −32, 31)</c>,
/// the reciprocal a float32 division once per call. A shorthand for <see cref="Quantizer"/> with the activation range.
/// </summary>
public static class HostQuantizer
{
    /// <summary>Quantizes one value.</summary>
    public static sbyte Quantize(float x, float step) => Quantizer.Quantize(x, step, QuantFormats.ActivationMin, QuantFormats.ActivationMax);

    /// <summary>Quantizes <paramref name="input"/> into a new array.</summary>
    public static sbyte[] Quantize(ReadOnlySpan<float> input, float step)
    {
        var output = new sbyte[input.Length];
        Quantize(input, step, output);
        return output;
    }

    /// <summary>Quantizes <paramref name="input"/> into <paramref name="output"/> (same length).</summary>
    public static void Quantize(ReadOnlySpan<float> input, float step, Span<sbyte> output) =>
        Quantizer.Apply(input, step, QuantFormats.ActivationMin, QuantFormats.ActivationMax, output);
}
