namespace Quasar.HwGen.Core.Lowering;

/// <summary>Float helpers for choosing steps at lowering; not part of the bit-exact contract.</summary>
internal static class CalibrationMath
{
    /// <summary>y = x · wᵀ for x [m×k] and w [n×k], row-major, in double for a stable maximum.</summary>
    public static float[] MultiplyTransposed(ReadOnlySpan<float> x, int m, ReadOnlySpan<float> w, int n, int k)
    {
        var y = new float[m * n];
        for (int i = 0; i < m; i++)
        {
            var row = x.Slice(i * k, k);
            for (int j = 0; j < n; j++)
            {
                var column = w.Slice(j * k, k);
                double sum = 0;
                for (int t = 0; t < k; t++) sum += row[t] * column[t];
                y[i * n + j] = (float)sum;
            }
        }
        return y;
    }

    public static float MaxAbs(IEnumerable<float[]> values) =>
        values.SelectMany(v => v).Aggregate(0f, (max, v) => Math.Max(max, Math.Abs(v)));

    /// <summary>The q-quantile (0..1) of |values|.</summary>
    public static float AbsQuantile(IEnumerable<float[]> values, double quantile)
    {
        var all = values.SelectMany(v => v).Select(Math.Abs).ToArray();
        if (all.Length == 0) return 0;
        Array.Sort(all);
        int index = Math.Clamp((int)Math.Ceiling(quantile * all.Length) - 1, 0, all.Length - 1);
        return all[index];
    }
}
