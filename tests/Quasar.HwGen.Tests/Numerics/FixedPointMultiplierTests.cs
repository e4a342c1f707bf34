using Quasar.HwGen.Core.Numerics;

namespace Quasar.HwGen.Tests.Numerics;

/// <summary>Choosing (M, S) for a real factor (docs/numerics.md §4).</summary>
[TestFixture]
public sealed class FixedPointMultiplierTests
{
    [Test]
    public void M_times_2_to_the_minus_S_is_within_2_to_the_minus_31_of_m_relatively_across_magnitudes()
    {
        var random = new Random(31);
        for (int i = 0; i < 20000; i++)
        {
            // Mantissas in [1, 2), exponents such that 2^−32 ≤ |m| < 2^30: the normal range.
            double m = (1 + random.NextDouble()) * Math.ScaleB(1, random.Next(-32, 30)) * (random.Next(2) == 0 ? -1 : 1);

            var factor = FixedPointMultiplier.FromReal(m);

            Assert.That(Math.Abs((long)factor.Multiplier), Is.InRange(1L << 30, (1L << 31) - 1), $"|M| for m = {m:R}");
            Assert.That(factor.Shift, Is.InRange(1, 62), $"S for m = {m:R}");
            Assert.That(Math.Abs(factor.Value - m), Is.LessThanOrEqualTo(Math.ScaleB(Math.Abs(m), -31)), $"m = {m:R}, M = {factor.Multiplier}, S = {factor.Shift}");
            Assert.That(Math.Sign(factor.Multiplier), Is.EqualTo(Math.Sign(m)));
        }
    }

    [TestCase(1.0, 1 << 30, 30)]
    [TestCase(0.5, 1 << 30, 31)]
    [TestCase(-1.0, -(1 << 30), 30)]
    [TestCase(0.75, 3 << 29, 31)]
    [TestCase(0.0, 0, 1)]
    public void Exact_factors_have_the_documented_M_and_S(double m, int multiplier, int shift)
    {
        Assert.That(FixedPointMultiplier.FromReal(m), Is.EqualTo(new FixedPointMultiplier(multiplier, shift)));
    }

    [Test]
    public void A_mantissa_that_rounds_up_to_2_to_the_31_is_halved_and_the_exponent_raised()
    {
        double justBelowOne = 1 - Math.ScaleB(1, -40);

        Assert.That(FixedPointMultiplier.FromReal(justBelowOne), Is.EqualTo(new FixedPointMultiplier(1 << 30, 30)));
        Assert.That(FixedPointMultiplier.FromReal(-justBelowOne), Is.EqualTo(new FixedPointMultiplier(-(1 << 30), 30)));
    }

    [Test]
    public void Rounding_of_the_mantissa_is_half_away_from_zero()
    {
        // f·2^31 = 2^30 + 0.5 exactly: rounds to 2^30 + 1 (half-even would give 2^30).
        double m = Math.ScaleB((1L << 30) * 2 + 1, -32);

        Assert.That(FixedPointMultiplier.FromReal(m), Is.EqualTo(new FixedPointMultiplier((1 << 30) + 1, 31)));
        Assert.That(FixedPointMultiplier.FromReal(-m), Is.EqualTo(new FixedPointMultiplier(-((1 << 30) + 1), 31)));
    }

    [Test]
    public void A_factor_of_2_to_the_minus_32_is_the_last_with_a_full_multiplier()
    {
        Assert.That(FixedPointMultiplier.FromReal(Math.ScaleB(1, -32)), Is.EqualTo(new FixedPointMultiplier(1 << 30, 62)));
    }

    [TestCase(-33, 1 << 29)]     // S would be 63: M = 2^−33·2^62
    [TestCase(-63, 1)]           // 0.5 rounds away from zero
    [TestCase(-64, 0)]           // 0.25 rounds to zero
    [TestCase(-1000, 0)]
    public void A_factor_below_2_to_the_minus_32_keeps_S_62_and_a_smaller_multiplier(int exponent, int multiplier)
    {
        Assert.That(FixedPointMultiplier.FromReal(Math.ScaleB(1, exponent)), Is.EqualTo(new FixedPointMultiplier(multiplier, 62)));
        Assert.That(FixedPointMultiplier.FromReal(-Math.ScaleB(1, exponent)), Is.EqualTo(new FixedPointMultiplier(-multiplier, 62)));
    }

    [Test]
    public void A_tiny_factor_keeps_its_value_to_half_a_unit_of_2_to_the_minus_62()
    {
        double m = 3.7e-12;

        var factor = FixedPointMultiplier.FromReal(m);

        Assert.That(factor.Shift, Is.EqualTo(62));
        Assert.That(Math.Abs(factor.Value - m), Is.LessThanOrEqualTo(Math.ScaleB(1, -63)));
    }

    [Test]
    public void The_largest_accepted_factor_has_shift_1()
    {
        double m = Math.ScaleB(1, 30) * (1 - Math.ScaleB(1, -30));

        Assert.That(FixedPointMultiplier.FromReal(m), Is.EqualTo(new FixedPointMultiplier(int.MaxValue - 1, 1)));
    }

    [Test]
    public void Just_below_2_to_the_30_minus_a_quarter_is_still_accepted()
    {
        double m = Math.BitDecrement(Math.ScaleB(1, 30) - 0.25);

        Assert.That(FixedPointMultiplier.FromReal(m), Is.EqualTo(new FixedPointMultiplier(int.MaxValue, 1)));
    }

    [TestCase(1073741824.0)]                  // 2^30
    [TestCase(1073741823.75)]                 // 2^30 − 1/4: f·2^31 = 2^31 − 1/2 rounds up to 2^31, S would be 0
    [TestCase(-3e9)]
    [TestCase(1e300)]
    public void A_factor_of_2_to_the_30_or_more_is_rejected_with_QIR021(double m)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FixedPointMultiplier.FromReal(m))!;

        Assert.That(error.Message, Does.StartWith("QIR021: the output-stage factor").And.Contain("2^30 or more"));
    }

    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void A_non_finite_factor_is_refused(double m)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FixedPointMultiplier.FromReal(m));
    }
}
