namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// erf and erfc for the host's GELU (docs/numerics.md §6.6): the Chebyshev-fitted erfc of Numerical Recipes
/// (<c>erfcc</c>, fractional error below 1.2e-7 everywhere), evaluated in double with <see cref="PortableMath.Exp"/>
/// and rounded once to float32, so that it gives the same bits on every platform.
/// </summary>
public static class ErrorFunction
{
    /// <summary>erfc(x) = 1 − erf(x), with relative error below 1.2e-7.</summary>
    public static float Erfc(float x) => x >= 0 ? (float)PositiveComplement(x) : (float)(2.0 - PositiveComplement(-x));

    /// <summary>
    /// erf(x), with absolute error below 1.2e-7 (plus the final rounding to float32); exactly odd, and 0 at 0
    /// (the fit gives erfc(0) = 1 + 3e-8, so 1 − erfc is clamped at zero for tiny |x|).
    /// </summary>
    public static float Erf(float x)
    {
        float magnitude = (float)Math.Max(0.0, 1.0 - PositiveComplement(Math.Abs(x)));
        return x < 0 ? -magnitude : magnitude;
    }

    /// <summary>erfc(z) for z ≥ 0.</summary>
    private static double PositiveComplement(double z)
    {
        double t = 1.0 / (1.0 + 0.5 * z);
        return t * PortableMath.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
            + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
            + t * (-0.82215223 + t * 0.17087277)))))))));
    }
}
