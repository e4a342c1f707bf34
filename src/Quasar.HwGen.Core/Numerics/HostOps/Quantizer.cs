using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Quasar.HwGen.Core.Numerics.HostOps.Simd;

namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// float32 → integer on the host (docs/numerics.md §1, §6.3): <c>q = clamp(round_even(x · (1 / step)), min, max)</c>:
/// the reciprocal is one float32 division per call, each element a multiply (a vector division is the slowest
/// instruction of a quantizing loop, and slower still on the A53 cores). NaN is refused.
/// </summary>
public static class Quantizer
{
    /// <summary>Quantizes <paramref name="input"/> into <paramref name="output"/> (same length); min and max within int8.</summary>
    public static void Apply(ReadOnlySpan<float> input, float step, int min, int max, Span<sbyte> output, HostSimd simd = HostSimd.Auto)
    {
        Validate(step, min, max);
        HostKernelArguments.RequireSameLength(input.Length, output.Length);
        var map = new Identity(input);
        ElementLoop.Quantize(ref map, step, min, max, output, HostSimdPaths.Resolve(simd));
    }

    /// <summary>Quantizes one value.</summary>
    public static sbyte Quantize(float x, float step, int min, int max)
    {
        Validate(step, min, max);
        return Quantize(x, Reciprocal(step), min, max, 0);
    }

    /// <summary>1 / step, the factor every element is multiplied by (finite for every step <see cref="Validate"/> accepts).</summary>
    internal static float Reciprocal(float step) => 1f / step;

    /// <summary>
    /// The scalar formula every path ends in, given <see cref="Reciprocal"/> of the step; <paramref name="index"/> only
    /// names the element in the error.
    /// </summary>
    internal static sbyte Quantize(float x, float reciprocal, int min, int max, int index)
    {
        float q = MathF.Round(x * reciprocal, MidpointRounding.ToEven);
        if (float.IsNaN(q)) throw new ArgumentException($"cannot quantize NaN (element {index})", nameof(x));
        return (sbyte)Math.Clamp(q, min, max);
    }

    /// <summary>
    /// Refuses a step that is not positive and finite or whose reciprocal is not finite (below 2⁻¹²⁸), and a range that
    /// is empty or not within int8.
    /// </summary>
    internal static void Validate(float step, int min, int max)
    {
        HostKernelArguments.RequireStep(step, nameof(step));
        if (!float.IsFinite(Reciprocal(step)))
            throw new ArgumentOutOfRangeException(nameof(step), step, "a quantization step must be at least 2^-128, so that 1 / step is finite");
        if (min < sbyte.MinValue || max > sbyte.MaxValue || min > max)
            throw new ArgumentOutOfRangeException(nameof(min), $"[{min}, {max}] is not a range within int8");
    }

    private readonly ref struct Identity(ReadOnlySpan<float> input) : IElementMap
    {
        private readonly ReadOnlySpan<float> _input = input;

        public float Scalar(int index) => _input[index];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVector Vector<TVector>(int index) where TVector : struct, IHostVector<TVector> =>
            TVector.Load(in MemoryMarshal.GetReference(_input), (nuint)index);
    }
}
