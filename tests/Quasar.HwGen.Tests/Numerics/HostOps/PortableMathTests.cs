using CsCheck;
using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.HwGen.Tests.Numerics.HostOps;

/// <summary>The libm-free exp: within 2 ulp of Math.Exp everywhere, its special cases, and its bits pinned.</summary>
[TestFixture]
public sealed class PortableMathTests
{
    [Test]
    public void Exp_is_within_2_ulp_of_Math_Exp_over_the_normal_range()
    {
        Gen.OneOf(Gen.Double[-1, 1], Gen.Double[-30, 30], Gen.Double[-708, 709.78]).Sample(x =>
            Assert.That(UlpDistance(PortableMath.Exp(x), Math.Exp(x)), Is.LessThanOrEqualTo(2), $"exp({x:R})"),
            iter: PropertyRuns.Scaled(100_000));
    }

    [Test]
    public void Exp_rounds_into_the_subnormals_within_2_units_of_the_last_place()
    {
        Gen.Double[-745.2, -708].Sample(x =>
            Assert.That(UlpDistance(PortableMath.Exp(x), Math.Exp(x)), Is.LessThanOrEqualTo(2), $"exp({x:R})"),
            iter: PropertyRuns.Scaled(20_000));
    }

    [TestCase(0.0, 0x3FF0000000000000L)]
    [TestCase(1.0, 0x4005BF0A8B14576AL)]     // Math.Exp: …769, the correctly rounded e; 1 ulp apart
    [TestCase(-1.0, 0x3FD78B56362CEF38L)]
    [TestCase(0.5, 0x3FFA61298E1E069CL)]
    [TestCase(-20.0, 0x3E21B48655F37267L)]
    [TestCase(709.78, 0x7FEFE9CE5C4C52B4L)]  // just below the largest double
    [TestCase(-708.5, 0x000E6CF6D08897ACL)]  // subnormal
    [TestCase(-745.13, 0x0000000000000001L)] // the smallest subnormal
    public void Exp_bits_are_pinned(double x, long bits)
    {
        Assert.That(BitConverter.DoubleToInt64Bits(PortableMath.Exp(x)).ToString("X16"), Is.EqualTo(bits.ToString("X16")));
    }

    [Test]
    public void Exp_of_special_arguments()
    {
        Assert.That(PortableMath.Exp(double.NaN), Is.NaN);
        Assert.That(PortableMath.Exp(double.PositiveInfinity), Is.EqualTo(double.PositiveInfinity));
        Assert.That(PortableMath.Exp(709.8), Is.EqualTo(double.PositiveInfinity), "overflow");
        Assert.That(PortableMath.Exp(1e300), Is.EqualTo(double.PositiveInfinity));
        Assert.That(BitConverter.DoubleToInt64Bits(PortableMath.Exp(double.NegativeInfinity)), Is.Zero, "+0");
        Assert.That(BitConverter.DoubleToInt64Bits(PortableMath.Exp(-745.14)), Is.Zero, "below half the smallest subnormal");
        Assert.That(PortableMath.Exp(-0.0), Is.EqualTo(1.0));
        Assert.That(PortableMath.Exp(1e-300), Is.EqualTo(1.0));
    }

    [Test]
    public void Exp_is_monotonic_on_a_fine_grid_around_zero()
    {
        double previous = 0;
        for (int i = -20000; i <= 20000; i++)
        {
            double value = PortableMath.Exp(i * 1e-4);
            Assert.That(value, Is.GreaterThanOrEqualTo(previous), $"exp({i * 1e-4:R})");
            previous = value;
        }
    }

    private static long UlpDistance(double a, double b) => Math.Abs(BitConverter.DoubleToInt64Bits(a) - BitConverter.DoubleToInt64Bits(b));
}
