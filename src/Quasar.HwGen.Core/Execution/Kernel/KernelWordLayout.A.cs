using System.Runtime.InteropServices;

namespace Quasar.HwGen.Core.Execution.Kernel;

public static partial class KernelWordLayout
{
    /// <summary>A as words (§2): token row (h, t) at word (h·m + t)·KW, byte j = A(h, t, j), bytes k..16·KW−1 zero.</summary>
    public static UInt128[] PackA(KernelCallPlan plan, ReadOnlySpan<sbyte> a)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var words = new UInt128[plan.Sizes.AWords];
        PackA(plan, a, words);
        return words;
    }

    /// <summary>A into the first <see cref="KernelWordSizes.AWords"/> words of <paramref name="words"/>.</summary>
    public static void PackA(KernelCallPlan plan, ReadOnlySpan<sbyte> a, Span<UInt128> words)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var call = plan.Call;
        int m = call.M, k = call.K, rowBytes = plan.Sizes.TokenWords * KernelWordSizes.WordBytes;
        RequireLogical(a.Length, call.Batches, call.ABatchStride, m, call.ARowStride, k, 1, nameof(a));
        var bytes = MemoryMarshal.AsBytes(Take(words, plan.Sizes.AWords, nameof(words)));
        var source = MemoryMarshal.AsBytes(a);
        for (int h = 0; h < call.Batches; h++)
        {
            for (int t = 0; t < m; t++)
            {
                var row = bytes.Slice((h * m + t) * rowBytes, rowBytes);
                source.Slice(h * call.ABatchStride + t * call.ARowStride, k).CopyTo(row);
                row[k..].Clear();
            }
        }
    }
}
