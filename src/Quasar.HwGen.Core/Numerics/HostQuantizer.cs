using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Quasar.HwGen.Core.Numerics;

/// <summary>
/// float32 → 6-bit activation on the host (docs/numerics.md §1): <c>q = clamp(round_even(x / s_x), −32, 31)</c>,
/// with <c>x / s_x</c> a float32 division. The vector and scalar loops give identical results (IEEE division and
/// round-to-even are the same operation in both).
/// </summary>
public static class HostQuantizer
{
    /// <summary>Quantizes one value.</summary>
    public static sbyte Quantize(float x, float step)
    {
        ValidateStep(step);
        if (float.IsNaN(x)) throw new ArgumentException("cannot quantize NaN", nameof(x));
        return QuantizeScalar(x, step);
    }

    /// <summary>Quantizes <paramref name="input"/> into a new array.</summary>
    public static sbyte[] Quantize(ReadOnlySpan<float> input, float step)
    {
        var output = new sbyte[input.Length];
        Quantize(input, step, output);
        return output;
    }

    /// <summary>Quantizes <paramref name="input"/> into <paramref name="output"/> (same length).</summary>
    public static void Quantize(ReadOnlySpan<float> input, float step, Span<sbyte> output)
    {
        ValidateStep(step);
        if (output.Length != input.Length)
            throw new ArgumentException($"output has {output.Length} elements, input {input.Length}", nameof(output));

        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var divisor = Vector256.Create(step);
            ref var source = ref MemoryMarshal.GetReference(input);
            ref var target = ref MemoryMarshal.GetReference(output);
            for (; i <= input.Length - Vector256<sbyte>.Count; i += Vector256<sbyte>.Count)
            {
                var q0 = QuantizeVector(Vector256.LoadUnsafe(ref source, (nuint)i), divisor);
                var q1 = QuantizeVector(Vector256.LoadUnsafe(ref source, (nuint)i + 8), divisor);
                var q2 = QuantizeVector(Vector256.LoadUnsafe(ref source, (nuint)i + 16), divisor);
                var q3 = QuantizeVector(Vector256.LoadUnsafe(ref source, (nuint)i + 24), divisor);
                var isNumber = Vector256.Equals(q0, q0) & Vector256.Equals(q1, q1) & Vector256.Equals(q2, q2) & Vector256.Equals(q3, q3);
                if (!Vector256.EqualsAll(isNumber, Vector256<float>.AllBitsSet)) break; // a NaN: the scalar loop says where
                var bytes = Vector256.Narrow(
                    Vector256.Narrow(Vector256.ConvertToInt32(q0), Vector256.ConvertToInt32(q1)),
                    Vector256.Narrow(Vector256.ConvertToInt32(q2), Vector256.ConvertToInt32(q3)));
                bytes.StoreUnsafe(ref target, (nuint)i);
            }
        }
        for (; i < input.Length; i++)
        {
            if (float.IsNaN(input[i])) throw new ArgumentException($"cannot quantize NaN (element {i})", nameof(input));
            output[i] = QuantizeScalar(input[i], step);
        }
    }

    /// <summary>round_even(x / step) clamped to the activation range, still as float; NaN stays NaN.</summary>
    private static Vector256<float> QuantizeVector(Vector256<float> x, Vector256<float> divisor)
    {
        var q = Vector256.Round(x / divisor);
        var isNumber = Vector256.Equals(q, q);
        var clamped = Vector256.Min(Vector256.Max(q, Vector256.Create((float)QuantFormats.ActivationMin)), Vector256.Create((float)QuantFormats.ActivationMax));
        return Vector256.ConditionalSelect(isNumber, clamped, q);
    }

    private static sbyte QuantizeScalar(float x, float step) =>
        (sbyte)Math.Clamp(MathF.Round(x / step, MidpointRounding.ToEven), QuantFormats.ActivationMin, QuantFormats.ActivationMax);

    private static void ValidateStep(float step)
    {
        if (!(step > 0) || !float.IsFinite(step))
            throw new ArgumentOutOfRangeException(nameof(step), step, "a quantization step must be positive and finite");
    }
}
