namespace Quasar.HwGen.Core.Lowering;

/// <summary>Float helpers for choosing steps at lowering; not part of the bit-exact contract.</summary>
internal static class CalibrationMath
{
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
