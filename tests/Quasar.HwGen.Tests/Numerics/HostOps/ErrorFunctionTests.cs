using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.HwGen.Tests.Numerics.HostOps;

/// <summary>The float32 erf of the host's GELU: known values, symmetry, and its accuracy over a fine grid.</summary>
[TestFixture]
public sealed class ErrorFunctionTests
{
    [TestCase(0.5f, 0.5204998778)]
    [TestCase(1f, 0.8427007929)]
    [TestCase(2f, 0.995322265)]
    [TestCase(0f, 0.0)]
    [TestCase(3.5f, 0.9999992569)]
    public void Erf_matches_known_values_to_2e_7(float x, double expected)
    {
        Assert.That(ErrorFunction.Erf(x), Is.EqualTo(expected).Within(2e-7));
        Assert.That(ErrorFunction.Erf(-x), Is.EqualTo(-expected).Within(2e-7));
    }

    [Test]
    public void Erf_is_zero_at_zero_and_has_the_sign_of_its_argument()
    {
        Assert.That(ErrorFunction.Erf(0f), Is.Zero);
        Assert.That(ErrorFunction.Erf(1e-9f), Is.GreaterThanOrEqualTo(0f));
        Assert.That(ErrorFunction.Erf(-1e-9f), Is.LessThanOrEqualTo(0f));
    }

    [Test]
    public void Erf_is_exactly_odd()
    {
        for (float x = 0; x < 6; x += 0.001f)
            Assert.That(ErrorFunction.Erf(-x), Is.EqualTo(-ErrorFunction.Erf(x)), $"x = {x:R}");
    }

    [Test]
    public void Erf_stays_within_1_5e_7_of_a_high_precision_series_everywhere_on_a_fine_grid()
    {
        double worst = 0;
        for (int i = -6000; i <= 6000; i++)
        {
            float x = i / 1000f;
            worst = Math.Max(worst, Math.Abs(ErrorFunction.Erf(x) - ReferenceErf(x)));
        }
        Assert.That(worst, Is.LessThan(1.5e-7));
    }

    [Test]
    public void Erfc_has_a_small_relative_error_in_the_tail()
    {
        // erfc(3) = 2.209049699858544e-05, erfc(5) = 1.5374597944280349e-12.
        Assert.That(ErrorFunction.Erfc(3f), Is.EqualTo(2.209049699858544e-05).Within(2e-5).Percent);
        Assert.That(ErrorFunction.Erfc(5f), Is.EqualTo(1.5374597944280349e-12).Within(2e-5).Percent);
        Assert.That(ErrorFunction.Erfc(-1f), Is.EqualTo(1.8427007929497148).Within(2e-7));
    }

    /// <summary>erf by its Maclaurin series (|x| ≤ 3) or the continued fraction of erfc (beyond), in double.</summary>
    private static double ReferenceErf(double x)
    {
        double z = Math.Abs(x);
        double value;
        if (z <= 3)
        {
            double term = z, sum = z;
            for (int n = 1; n < 200 && Math.Abs(term) > 1e-18; n++)
            {
                term *= -z * z / n;
                sum += term / (2 * n + 1);
            }
            value = 2 / Math.Sqrt(Math.PI) * sum;
        }
        else
        {
            double fraction = 0;
            for (int n = 60; n >= 1; n--) fraction = n / 2.0 / (z + fraction);
            value = 1 - Math.Exp(-z * z) / Math.Sqrt(Math.PI) / (z + fraction);
        }
        return x < 0 ? -value : value;
    }
}
