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
        if (resolved == HostSimd.Vector512 && LayerNormQuantizeRows512.IsSupported && LayerNormQuantizeRows512.Applies(channels))
            start = LayerNormQuantizeRows512.Apply(input, channels, gamma, beta, epsilon, step, min, max, output);
        else if (LaneSum.QuadsApply(channels, resolved))
        {
            // Groups of four rows; the last group repeats its last row, whose results are written once.
            int last = input.Length - channels;
            for (; start < input.Length; start += 4 * channels)
            {
                int start1 = Math.Min(start + channels, last), start2 = Math.Min(start + 2 * channels, last);
                int start3 = Math.Min(start + 3 * channels, last);
                LayerNorm.NormalizedRow.Quad(input.Slice(start, channels), input.Slice(start1, channels), input.Slice(start2, channels),
                    input.Slice(start3, channels), gamma, beta, epsilon, out var row0, out var row1, out var row2, out var row3);
                ElementLoop.Quantize(ref row0, step, min, max, output.Slice(start, channels), resolved, start);
                if (start1 > start) ElementLoop.Quantize(ref row1, step, min, max, output.Slice(start1, channels), resolved, start1);
                if (start2 > start1) ElementLoop.Quantize(ref row2, step, min, max, output.Slice(start2, channels), resolved, start2);
                if (start3 > start2) ElementLoop.Quantize(ref row3, step, min, max, output.Slice(start3, channels), resolved, start3);
            }
        }
        for (; start < input.Length; start += channels)
        {
            var row = new LayerNorm.NormalizedRow(input.Slice(start, channels), gamma, beta, epsilon, resolved);
            ElementLoop.Quantize(ref row, step, min, max, output.Slice(start, channels), resolved, start);
        }
    }
}
