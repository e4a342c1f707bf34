using Quasar.HwGen.Core.Numerics;

namespace Quasar.HwGen.Tests.Numerics;

/// <summary>float32 → 6-bit on the host: a product with the float32 reciprocal of the step, ties to even, clamping (docs/numerics.md §1).</summary>
[TestFixture]
public sealed class HostQuantizerTests
{
    [TestCase(0.5f, 0)]
    [TestCase(1.5f, 2)]
    [TestCase(2.5f, 2)]
    [TestCase(-0.5f, 0)]
    [TestCase(-1.5f, -2)]
    [TestCase(-2.5f, -2)]
    [TestCase(30.5f, 30)]
    [TestCase(-31.5f, -32)]
    [TestCase(0.49999997f, 0)]
    [TestCase(2.5000002f, 3)]
    public void Ties_round_to_even(float x, int expected)
    {
        Assert.That((int)HostQuantizer.Quantize(x, 1f), Is.EqualTo(expected));
        var filled = HostQuantizer.Quantize(Filled(x, 37), 1f);
        Assert.That((int)filled[0], Is.EqualTo(expected), "vector loop");
        Assert.That((int)filled[36], Is.EqualTo(expected), "scalar tail");
    }

    [TestCase(31.5f, 31)]
    [TestCase(1000f, 31)]
    [TestCase(-32.5f, -32)]
    [TestCase(-1000f, -32)]
    [TestCase(float.PositiveInfinity, 31)]
    [TestCase(float.NegativeInfinity, -32)]
    public void Values_beyond_the_6_bit_range_clamp(float x, int expected)
    {
        Assert.That((int)HostQuantizer.Quantize(x, 1f), Is.EqualTo(expected));
        Assert.That(HostQuantizer.Quantize(Filled(x, 64), 1f), Is.All.EqualTo((sbyte)expected), "vector loop");
    }

    [Test]
    public void The_value_is_multiplied_by_the_reciprocal_not_divided_by_the_step()
    {
        float x = BitConverter.Int32BitsToSingle(0x41441128);    // 12.254189
        float step = BitConverter.Int32BitsToSingle(0x3EDC253A); // 0.42997152
        Assert.That(x / step, Is.EqualTo(28.5f), "a division would land on a tie (and round to 28)");
        Assert.That(MathF.Round(x * (1f / step)), Is.EqualTo(29f), "the product with the reciprocal does not");

        Assert.That((int)HostQuantizer.Quantize(x, step), Is.EqualTo(29));
        Assert.That((int)HostQuantizer.Quantize(Filled(x, 32), step)[0], Is.EqualTo(29), "vector loop");
    }

    [Test]
    public void The_vector_loop_equals_the_formula_on_random_values_and_lengths()
    {
        var random = new Random(3);
        for (int trial = 0; trial < 300; trial++)
        {
            float step = (float)Math.ScaleB(0.5 + random.NextDouble(), random.Next(-8, 3));
            var input = new float[random.Next(0, 140)];
            for (int i = 0; i < input.Length; i++)
            {
                input[i] = random.Next(3) == 0
                    ? (random.Next(-40, 40) + 0.5f) * step            // near ties, out of range too
                    : (float)((random.NextDouble() - 0.5) * 80 * step);
            }

            var output = HostQuantizer.Quantize(input, step);

            for (int i = 0; i < input.Length; i++)
            {
                int expected = (int)Math.Clamp(MathF.Round(input[i] * (1f / step), MidpointRounding.ToEven), -32, 31);
                if (output[i] != expected) Assert.Fail($"trial {trial}: q({input[i]:R} · (1 / {step:R})) = {output[i]}, expected {expected}");
            }
        }
    }

    [TestCase(45)]   // inside the second 32-value vector
    [TestCase(98)]   // in the scalar tail
    public void NaN_is_refused_with_its_position(int position)
    {
        var input = Filled(1f, 100);
        input[position] = float.NaN;

        var error = Assert.Throws<ArgumentException>(() => HostQuantizer.Quantize(input, 1f))!;

        Assert.That(error.Message, Does.Contain($"element {position}"));
    }

    [TestCase(0f)]
    [TestCase(-1f)]
    [TestCase(float.NaN)]
    [TestCase(float.PositiveInfinity)]
    public void A_step_that_is_not_positive_and_finite_is_refused(float step)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HostQuantizer.Quantize(1f, step));
    }

    private static float[] Filled(float value, int count) => Enumerable.Repeat(value, count).ToArray();
}
