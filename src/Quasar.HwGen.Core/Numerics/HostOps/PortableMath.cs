namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// Elementary functions from IEEE-754 basic operations only (docs/numerics.md §6.2), so that they give the same bits
/// on every platform, SIMD width and JIT: libm's exp differs between glibc, musl, macOS and Windows in the last bit.
/// </summary>
public static class PortableMath
{
    /// <summary>log₂(e) rounded to double.</summary>
    private const double Log2E = 1.4426950408889634;

    /// <summary>ln 2's leading 32 bits (fdlibm's ln2_hi, 0x3FE62E42FEE00000): k·Ln2Hi is exact for |k| &lt; 2²¹.</summary>
    private const double Ln2Hi = 6.93147180369123816490e-01;

    /// <summary>ln 2 − Ln2Hi rounded to double (fdlibm's ln2_lo, 0x3DEA39EF35793C76).</summary>
    private const double Ln2Lo = 1.90821492927058770002e-10;

    /// <summary>Above this, e^x overflows to +∞ (ln of the largest double is 709.78…).</summary>
    private const double OverflowBound = 710.0;

    /// <summary>Below this, e^x rounds to +0 (ln 2^−1075 = −745.13…).</summary>
    private const double UnderflowBound = -746.0;

    /// <summary>
    /// 1/n! rounded to double: e^r ≈ Σ_{n≤13} rⁿ/n! for |r| ≤ ln2/2, with a truncation error below 4.2e-18 (under a
    /// tenth of an ulp of e^r ≥ 0.7).
    /// </summary>
    private const double C2 = 1.0 / 2.0, C3 = 1.0 / 6.0, C4 = 1.0 / 24.0, C5 = 1.0 / 120.0, C6 = 1.0 / 720.0,
        C7 = 1.0 / 5040.0, C8 = 1.0 / 40320.0, C9 = 1.0 / 362880.0, C10 = 1.0 / 3628800.0, C11 = 1.0 / 39916800.0,
        C12 = 1.0 / 479001600.0, C13 = 1.0 / 6227020800.0;

    /// <summary>
    /// e^x within about 2 ulp, identical everywhere: k = round_even(x·log₂e), r = (x − k·Ln2Hi) − k·Ln2Lo,
    /// p = Horner(r) of the degree-13 Taylor polynomial, result p·2^k built from exponent bits.
    /// </summary>
    public static double Exp(double x)
    {
        if (double.IsNaN(x)) return x;
        if (x > OverflowBound) return double.PositiveInfinity;
        if (x < UnderflowBound) return 0.0;

        double k = Math.Round(x * Log2E, MidpointRounding.ToEven);
        double r = (x - k * Ln2Hi) - k * Ln2Lo;
        double p = 1.0 + r * (1.0 + r * (C2 + r * (C3 + r * (C4 + r * (C5 + r * (C6 + r * (C7 + r * (C8
            + r * (C9 + r * (C10 + r * (C11 + r * (C12 + r * C13))))))))))));
        return ScaleByPowerOfTwo(p, (int)k);
    }

    /// <summary>
    /// p·2^k for p in [0.7, 1.5) and k in [−1076, 1024]: one multiply by a normal power of two, or, where 2^k is not a
    /// normal double, an exact first step then a single rounding step (into the subnormals, or to +∞).
    /// </summary>
    private static double ScaleByPowerOfTwo(double p, int k)
    {
        if (k < -1022) return p * PowerOfTwo(k + 64) * PowerOfTwo(-64);
        if (k > 1023) return p * PowerOfTwo(k - 1) * 2.0;
        return p * PowerOfTwo(k);
    }

    /// <summary>2^k for a normal exponent k in [−1022, 1023], from its bits.</summary>
    private static double PowerOfTwo(int k) => BitConverter.Int64BitsToDouble((long)(k + 1023) << 52);
}
