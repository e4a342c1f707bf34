namespace Quasar.HwGen.Core.Numerics;

/// <summary>
/// The GEMM exactly as the hardware executes it (docs/numerics.md §2–3): a 4-bit row is one pass of 6-bit × 4-bit
/// products; an 8-bit row is two passes over the same activations, the signed high nibble and the unsigned low
/// nibble, accumulated separately and joined as <c>acc = (acc_h &lt;&lt; 4) + acc_l</c>. Naive and scalar on purpose:
/// this is the specification the fast <see cref="GemmEngine"/> is tested against.
/// </summary>
public static class GemmReference
{
    /// <summary>
    /// <c>acc[t, r] = Σ_k x[t, k]·w[r, k]</c> for activations <paramref name="x"/> [m × k] (6-bit) and weights
    /// <paramref name="w"/> [n × k], row <c>r</c> 8-bit when <c>is8[r]</c> and 4-bit otherwise; returns acc [m × n].
    /// </summary>
    public static int[] Multiply(ReadOnlySpan<sbyte> x, int m, ReadOnlySpan<sbyte> w, int n, int k, ReadOnlySpan<bool> is8)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (x.Length != (long)m * k) throw new ArgumentException($"x has {x.Length} elements, {m}×{k} expected", nameof(x));
        if (w.Length != (long)n * k) throw new ArgumentException($"w has {w.Length} elements, {n}×{k} expected", nameof(w));
        if (is8.Length != n) throw new ArgumentException($"the row-precision map has {is8.Length} flags for {n} rows", nameof(is8));
        for (int i = 0; i < x.Length; i++)
        {
            if (!QuantFormats.IsActivation(x[i]))
                throw new ArgumentOutOfRangeException(nameof(x), x[i], $"activation [{i / k}, {i % k}] is outside the 6-bit range");
        }
        for (int r = 0; r < n; r++)
        {
            if (is8[r]) continue;
            for (int j = 0; j < k; j++)
            {
                if (!QuantFormats.IsInt4(w[r * k + j]))
                    throw new ArgumentOutOfRangeException(nameof(w), w[r * k + j], $"weight [{r}, {j}] of a 4-bit row is outside [−8, 7]");
            }
        }

        var acc = new int[m * n];
        for (int t = 0; t < m; t++)
        {
            var xRow = x.Slice(t * k, k);
            for (int r = 0; r < n; r++)
            {
                var wRow = w.Slice(r * k, k);
                acc[t * n + r] = is8[r] ? EightBitRow(xRow, wRow) : FourBitPass(xRow, wRow);
            }
        }
        return acc;
    }

    /// <summary>One pass of the 4-bit atomic unit: signed 6-bit × signed 4-bit.</summary>
    private static int FourBitPass(ReadOnlySpan<sbyte> x, ReadOnlySpan<sbyte> w)
    {
        int acc = 0;
        for (int j = 0; j < x.Length; j++) acc += x[j] * w[j];
        return acc;
    }

    /// <summary>Two passes: signed high nibbles, then unsigned low nibbles, joined by a shift and an add.</summary>
    private static int EightBitRow(ReadOnlySpan<sbyte> x, ReadOnlySpan<sbyte> w)
    {
        int accHigh = 0;
        for (int j = 0; j < x.Length; j++) accHigh += x[j] * NibbleSplit.High(w[j]);
        int accLow = 0;
        for (int j = 0; j < x.Length; j++) accLow += x[j] * NibbleSplit.Low(w[j]);
        return (accHigh << 4) + accLow;
    }
}
