using CsCheck;
using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.HwGen.Tests.Numerics.HostOps;

/// <summary>float32 → int8 with any range: every width equals the scalar formula; ties, clamping and NaN.</summary>
[TestFixture]
public sealed class QuantizerTests
{
    [TestCaseSource(typeof(HostSimdCases), nameof(HostSimdCases.Vectors))]
    public void Every_width_gives_the_scalar_bits(HostSimd simd)
    {
        Gen.Select(HostGens.Values.Array[0, 200], HostGens.Steps, HostGens.Ranges).Sample((x, step, range) =>
        {
            var scalar = new sbyte[x.Length];
            var vector = new sbyte[x.Length];
            Quantizer.Apply(x, step, range.Min, range.Max, scalar, HostSimd.Scalar);
            Quantizer.Apply(x, step, range.Min, range.Max, vector, simd);
            Assert.That(vector, Is.EqualTo(scalar));
        }, iter: PropertyRuns.Scaled(2000));
    }

    [TestCaseSource(typeof(HostSimdCases), nameof(HostSimdCases.All))]
    public void The_scalar_formula_is_a_product_with_the_float32_reciprocal_rounded_to_even_then_clamped(HostSimd simd)
    {
        Gen.Select(HostGens.Values.Array[0, 100], HostGens.Steps, HostGens.Ranges).Sample((x, step, range) =>
        {
            var output = new sbyte[x.Length];
            Quantizer.Apply(x, step, range.Min, range.Max, output, simd);
            float reciprocal = 1f / step;
            for (int i = 0; i < x.Length; i++)
            {
                float q = MathF.Round(x[i] * reciprocal, MidpointRounding.ToEven);
                Assert.That((int)output[i], Is.EqualTo((int)Math.Clamp(q, range.Min, range.Max)), $"x = {x[i]:R}, step {step:R}");
            }
        }, iter: PropertyRuns.Scaled(1000));
    }

    [TestCaseSource(typeof(HostSimdCases), nameof(HostSimdCases.All))]
    public void Ties_round_to_even_and_the_int8_range_clamps(HostSimd simd)
    {
        float[] x = [0.5f, 1.5f, 2.5f, -0.5f, -2.5f, 126.5f, 127.5f, -127.5f, -128.5f, 1e9f, float.NegativeInfinity, -0f];
        var input = Enumerable.Repeat(x, 6).SelectMany(v => v).ToArray();
        var output = new sbyte[input.Length];

        Quantizer.Apply(input, 1f, sbyte.MinValue, sbyte.MaxValue, output, simd);

        sbyte[] expected = [0, 2, 2, 0, -2, 126, 127, -128, -128, 127, -128, 0];
        Assert.That(output, Is.EqualTo(Enumerable.Repeat(expected, 6).SelectMany(v => v).ToArray()));
    }

    [TestCaseSource(typeof(HostSimdCases), nameof(HostSimdCases.All))]
    public void NaN_is_refused_with_its_position_on_every_width(HostSimd simd)
    {
        foreach (int position in new[] { 0, 5, 17, 40, 66 })
        {
            var input = Enumerable.Repeat(1f, 67).ToArray();
            input[position] = float.NaN;

            var error = Assert.Throws<ArgumentException>(() => Quantizer.Apply(input, 1f, -32, 31, new sbyte[67], simd))!;

            Assert.That(error.Message, Does.Contain($"element {position}"));
        }
    }

    [Test]
    public void A_range_outside_int8_or_empty_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantizer.Quantize(1f, 1f, -129, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantizer.Quantize(1f, 1f, 0, 128));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantizer.Quantize(1f, 1f, 3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantizer.Quantize(1f, 0f, -32, 31));
    }
}
