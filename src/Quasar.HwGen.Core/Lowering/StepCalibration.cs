using Quasar.HwGen.Core.Ir;

namespace Quasar.HwGen.Core.Lowering;

/// <summary>How lowering picks a step that training did not learn (docs/numerics.md §5).</summary>
internal static class StepCalibration
{
    /// <summary>Headroom of int16 outputs over the largest calibration value.</summary>
    public const double Int16Headroom = 1.25;

    /// <summary>6-bit and 8-bit tensors clip the rare outliers beyond this quantile of |x|, as a learned step would.</summary>
    public const double LowBitQuantile = 0.999;

    private const float SmallestStep = 1e-8f;

    public static float Choose(ElementType element, IEnumerable<float[]> realValues)
    {
        float step = element switch
        {
            ElementType.Int16 => (float)(Int16Headroom * CalibrationMath.MaxAbs(realValues) / short.MaxValue),
            ElementType.Int8 => CalibrationMath.AbsQuantile(realValues, LowBitQuantile) / 127f,
            ElementType.Int6 => CalibrationMath.AbsQuantile(realValues, LowBitQuantile) / 31f,
            _ => throw new ArgumentOutOfRangeException(nameof(element), element, "float tensors have no step"),
        };
        return Math.Max(step, SmallestStep);
    }
}
