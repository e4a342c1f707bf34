using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// <see cref="LayerNormQuantize"/> at the 512-bit width as one loop over groups of four rows, software-pipelined: group
/// g's statistics (<see cref="LaneSum.SumQuad"/>: four chains of dependent additions in LaneSum's order), then group
/// g − 1's normalize + quantize, which has no such chain and runs in their latency. The element pass keeps its
/// constants in registers and ends each row with a vector overlapping the one before. The same bits as the other
/// paths (docs/numerics.md §6.4).
/// </summary>
internal static class LayerNormQuantizeRows512
{
    private const int Lanes = 16, Group = 4;

    public static bool IsSupported => Avx512F.IsSupported;

    /// <summary>Rows of whole groups of 8 (the sums' lanes), at least one vector long.</summary>
    public static bool Applies(int channels) => channels >= Lanes && channels % LaneSum.Lanes == 0;

    /// <summary>
    /// Normalizes and quantizes rows from the first on; returns the start of the first row with a NaN (its rows
    /// before are written), or the input's length. The caller's scalar loop then names the element.
    /// </summary>
    public static int Apply(ReadOnlySpan<float> input, int channels, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, float epsilon,
        float step, int min, int max, Span<sbyte> output)
    {
        if (!Applies(channels))
            throw new ArgumentException($"rows of {channels} channels: needs whole groups of {LaneSum.Lanes}, at least {Lanes}");
        int rows = input.Length / channels;
        int groups = (rows + Group - 1) / Group;
        // Two groups' statistics: the one being summed and the one being normalized.
        Span<float> means = stackalloc float[2 * Group], reciprocals = stackalloc float[2 * Group];
        for (int g = 0; g <= groups; g++)
        {
            if (g < groups) Statistics(input, channels, g * Group, rows, epsilon, means.Slice((g & 1) * Group, Group), reciprocals.Slice((g & 1) * Group, Group));
            if (g == 0) continue;
            int previous = (g - 1) * Group;
            for (int r = previous; r < Math.Min(previous + Group, rows); r++)
            {
                int slot = ((g - 1) & 1) * Group + r - previous;
                if (!Row(input.Slice(r * channels, channels), gamma, beta, means[slot], reciprocals[slot], step, min, max, output.Slice(r * channels, channels)))
                    return r * channels;
            }
        }
        return input.Length;
    }

    /// <summary>μ and r of rows first … first + 3 (the last row repeated past the end), as <see cref="LayerNorm.NormalizedRow.Quad"/>.</summary>
    private static void Statistics(ReadOnlySpan<float> input, int channels, int first, int rows, float epsilon, Span<float> means, Span<float> reciprocals)
    {
        var x0 = Row(input, channels, first, rows);
        var x1 = Row(input, channels, first + 1, rows);
        var x2 = Row(input, channels, first + 2, rows);
        var x3 = Row(input, channels, first + 3, rows);
        var (mean, reciprocal) = LayerNorm.NormalizedRow.QuadStatistics(x0, x1, x2, x3, epsilon);
        for (int k = 0; k < Group; k++)
        {
            means[k] = mean[k];
            reciprocals[k] = reciprocal[k];
        }
    }

    private static ReadOnlySpan<float> Row(ReadOnlySpan<float> input, int channels, int row, int rows) =>
        input.Slice(Math.Min(row, rows - 1) * channels, channels);

    /// <summary>q = clamp(round_even(((x − μ) · r · γ + β) · (1 / step))); false at the first vector holding a NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Row(ReadOnlySpan<float> x, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, float mean, float reciprocal,
        float step, int min, int max, Span<sbyte> output)
    {
        ref float source = ref MemoryMarshal.GetReference(x);
        ref float scale = ref MemoryMarshal.GetReference(gamma);
        ref float shift = ref MemoryMarshal.GetReference(beta);
        ref sbyte target = ref MemoryMarshal.GetReference(output);
        Vector512<float> mu = Vector512.Create(mean), r = Vector512.Create(reciprocal), stepReciprocal = Vector512.Create(Quantizer.Reciprocal(step));
        Vector512<float> lower = Vector512.Create((float)min), upper = Vector512.Create((float)max);
        int n = x.Length;
        for (int i = 0; i < n; i += Lanes)
        {
            // The last, partial vector is the one ending at n, overlapping its neighbour: the same bits twice.
            var at = (nuint)Math.Min(i, n - Lanes);
            var y = (Vector512.LoadUnsafe(ref source, at) - mu) * r * Vector512.LoadUnsafe(ref scale, at) + Vector512.LoadUnsafe(ref shift, at);
            var q = Vector512.Round(y * stepReciprocal);
            if (!Vector512.EqualsAll(q, q)) return false;
            Avx512F.ConvertToVector128SByte(Vector512.ConvertToInt32Native(Vector512.MinNative(Vector512.MaxNative(q, lower), upper)))
                .StoreUnsafe(ref target, at);
        }
        return true;
    }
}
