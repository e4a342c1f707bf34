namespace Quasar.HwGen.Core.Numerics;

/// <summary>
/// A real factor <c>m ≈ Multiplier · 2^−Shift</c> for the output stage (docs/numerics.md §4): normally
/// <c>2^30 ≤ |Multiplier| &lt; 2^31</c> and <c>1 ≤ Shift ≤ 62</c>, so the relative error is at most 2^−31.
/// Factors below 2^−32 keep <c>Shift = 62</c> and a smaller (possibly zero) multiplier; factors of 2^30 or more are
/// rejected (QIR021).
/// </summary>
public readonly record struct FixedPointMultiplier(int Multiplier, int Shift)
{
    /// <summary>The diagnostic code of a factor too large to represent.</summary>
    public const string TooLargeCode = "QIR021";

    public const int MinShift = 1;
    public const int MaxShift = 62;

    /// <summary>The real value <c>Multiplier · 2^−Shift</c>.</summary>
    public double Value => Math.ScaleB(Multiplier, -Shift);

    /// <summary>
    /// Chooses (M, S) for <paramref name="m"/>: <c>m = f·2^e</c> with <c>0.5 ≤ |f| &lt; 1</c>,
    /// <c>M = round_half_away(f·2^31)</c> (halved with <c>e + 1</c> if it reaches 2^31), <c>S = 31 − e</c>;
    /// if <c>S &gt; 62</c> then <c>M = round_half_away(m·2^62)</c>, <c>S = 62</c>; <c>m = 0</c> gives (0, 1).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="m"/> is not finite, or so large that <c>S &lt; 1</c> (message starts with QIR021).
    /// </exception>
    public static FixedPointMultiplier FromReal(double m)
    {
        if (!double.IsFinite(m)) throw new ArgumentOutOfRangeException(nameof(m), m, "a fixed-point factor must be finite");
        if (m == 0) return new FixedPointMultiplier(0, MinShift);

        int e = Math.ILogB(m) + 1; // m = f·2^e with 0.5 ≤ |f| < 1 (frexp), exact for subnormals too
        long multiplier = RoundHalfAway(Math.ScaleB(m, 31 - e));
        if (Math.Abs(multiplier) == 1L << 31)
        {
            multiplier /= 2;
            e += 1;
        }
        int shift = 31 - e;
        if (shift > MaxShift)
        {
            multiplier = RoundHalfAway(Math.ScaleB(m, MaxShift));
            shift = MaxShift;
        }
        if (shift < MinShift)
        {
            throw new ArgumentOutOfRangeException(nameof(m), m,
                $"{TooLargeCode}: the output-stage factor {m:R} is 2^30 or more in magnitude (it would need the shift {shift} < {MinShift}); "
                + "no sensible choice of quantization steps produces it");
        }
        return new FixedPointMultiplier((int)multiplier, shift);
    }

    private static long RoundHalfAway(double value) => (long)Math.Round(value, MidpointRounding.AwayFromZero);
}
