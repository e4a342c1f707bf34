namespace Quasar.HwGen.Core.Numerics;

/// <summary>
/// Per-row symmetric weight quantization at export (docs/numerics.md §1): <c>qmax = 2^(b−1) − 1</c>,
/// <c>s_w[r] = max_k |W[r,k]| / qmax</c> (1 for a zero row), <c>Wq = clamp(round_even(W / s_w[r]), −2^(b−1), qmax)</c>,
/// all in float32.
/// </summary>
public static class WeightQuantizer
{
    /// <summary>Quantizes row-major <paramref name="weights"/> [rows × columns], row <c>r</c> to 8 bits when <c>is8[r]</c>, else 4.</summary>
    public static QuantizedWeights Quantize(ReadOnlySpan<float> weights, int rows, int columns, ReadOnlySpan<bool> is8)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (weights.Length != (long)rows * columns)
            throw new ArgumentException($"weights have {weights.Length} elements, {rows}×{columns} expected", nameof(weights));
        if (is8.Length != rows)
            throw new ArgumentException($"the row-precision map has {is8.Length} flags for {rows} rows", nameof(is8));

        var values = new sbyte[weights.Length];
        var scales = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            var row = weights.Slice(r * columns, columns);
            int qmin = is8[r] ? QuantFormats.Int8Min : QuantFormats.Int4Min;
            int qmax = is8[r] ? QuantFormats.Int8Max : QuantFormats.Int4Max;
            float maxAbs = 0;
            for (int k = 0; k < columns; k++)
            {
                if (!float.IsFinite(row[k]))
                    throw new ArgumentException($"weight [{r}, {k}] is {row[k]}: weights must be finite", nameof(weights));
                maxAbs = MathF.Max(maxAbs, MathF.Abs(row[k]));
            }
            float step = maxAbs == 0 ? 1f : maxAbs / qmax;
            scales[r] = step;
            for (int k = 0; k < columns; k++)
                values[r * columns + k] = (sbyte)Math.Clamp(MathF.Round(row[k] / step, MidpointRounding.ToEven), qmin, qmax);
        }
        return new QuantizedWeights(values, scales, is8.ToArray(), rows, columns);
    }
}
