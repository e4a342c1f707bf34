using System.Runtime.CompilerServices;
using Quasar.HwGen.Core.Numerics.HostOps.Simd;

namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// <see cref="LayerNorm"/> then <see cref="Quantizer"/> in one pass per row, with no float output: equal, bit for
/// bit, to the two ops one after the other (docs/numerics.md §6.4).
/// </summary>
public static class LayerNormQuantize
{
    /// <summary>Normalizes and quantizes each row of <paramref name="input"/> [rows × channels] into <paramref name="output"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(ReadOnlySpan<float> input, int channels, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, float epsilon,
        float step, int min, int max, Span<sbyte> output, HostSimd simd = HostSimd.Auto)
    {
        LayerNorm.Validate(input, channels, gamma, beta, epsilon);
        Quantizer.Validate(step, min, max);
        HostKernelArguments.RequireSameLength(input.Length, output.Length);
        var resolved = HostSimdPaths.Resolve(simd);
        for (int start = 0; start < input.Length; start += channels)
        {
            var row = new LayerNorm.NormalizedRow(input.Slice(start, channels), gamma, beta, epsilon, resolved);
            ElementLoop.Quantize(ref row, step, min, max, output.Slice(start, channels), resolved, start);
        }
    }
}
