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
        int start = 0;
        if (LaneSum.PairsApply(channels, resolved))
        {
            for (; start + 2 * channels <= input.Length; start += 2 * channels)
            {
                LayerNorm.NormalizedRow.Pair(input.Slice(start, channels), input.Slice(start + channels, channels), gamma, beta, epsilon,
                    out var row0, out var row1);
                ElementLoop.Quantize(ref row0, step, min, max, output.Slice(start, channels), resolved, start);
                ElementLoop.Quantize(ref row1, step, min, max, output.Slice(start + channels, channels), resolved, start + channels);
            }
        }
        for (; start < input.Length; start += channels)
        {
            var row = new LayerNorm.NormalizedRow(input.Slice(start, channels), gamma, beta, epsilon, resolved);
            ElementLoop.Quantize(ref row, step, min, max, output.Slice(start, channels), resolved, start);
        }
    }
}
