using System.Numerics;
using Quasar.HwGen.Core.Numerics;

namespace Quasar.HwGen.Tests.Numerics;

/// <summary>The output stage against an arbitrary-precision evaluation of docs/numerics.md §4, on both loops.</summary>
[TestFixture]
public sealed class OutputStageTests
{
    private static IEnumerable<bool> Loops() => [false, true];

    /// <summary>clamp(⌊(v·M + 2^(S−1)) / 2^S⌋) in BigInteger: round half up, floor division.</summary>
    private static int Expected(int acc, int bias, int multiplier, int shift, int min, int max)
    {
        var p = new BigInteger(acc + bias) * multiplier + (BigInteger.One << (shift - 1));
        var divisor = BigInteger.One << shift;
        var quotient = BigInteger.DivRem(p, divisor, out var remainder);
        if (remainder.Sign < 0) quotient -= 1; // floor, as an arithmetic shift does
        return (int)BigInteger.Clamp(quotient, min, max);
    }

    [TestCaseSource(nameof(Loops))]
    public void Per_row_requantization_to_int16_matches_the_arbitrary_precision_formula(bool vectorize)
    {
        var random = new Random(5);
        for (int trial = 0; trial < 200; trial++)
        {
            int rows = random.Next(1, 4), n = random.Next(1, 40);
            var (multipliers, shifts, bias) = RandomParameters(random, n);
            var stage = new OutputStage(multipliers, shifts, bias, short.MinValue, short.MaxValue);
            var acc = RandomAccumulators(random, rows * n);
            var output = new short[acc.Length];

            stage.Apply(acc, output, vectorize);

            for (int i = 0; i < acc.Length; i++)
            {
                int r = i % n;
                int expected = Expected(acc[i], bias[r], multipliers[r], shifts[r], short.MinValue, short.MaxValue);
                if (output[i] != expected) Assert.Fail($"trial {trial}, acc {acc[i]}, bias {bias[r]}, M {multipliers[r]}, S {shifts[r]}: {output[i]}, expected {expected}");
            }
        }
    }

    [TestCaseSource(nameof(Loops))]
    public void Per_row_requantization_to_6_bits_matches_the_arbitrary_precision_formula(bool vectorize)
    {
        var random = new Random(6);
        for (int trial = 0; trial < 200; trial++)
        {
            int rows = random.Next(1, 4), n = random.Next(1, 40);
            var (multipliers, shifts, bias) = RandomParameters(random, n);
            var stage = new OutputStage(multipliers, shifts, bias, QuantFormats.ActivationMin, QuantFormats.ActivationMax);
            var acc = RandomAccumulators(random, rows * n);
            var output = new sbyte[acc.Length];

            stage.Apply(acc, output, vectorize);

            for (int i = 0; i < acc.Length; i++)
            {
                int r = i % n;
                int expected = Expected(acc[i], bias[r], multipliers[r], shifts[r], QuantFormats.ActivationMin, QuantFormats.ActivationMax);
                if (output[i] != expected) Assert.Fail($"trial {trial}, acc {acc[i]}, bias {bias[r]}, M {multipliers[r]}, S {shifts[r]}: {output[i]}, expected {expected}");
            }
        }
    }

    [TestCaseSource(nameof(Loops))]
    public void A_per_tensor_stage_applies_one_factor_to_every_element_without_bias(bool vectorize)
    {
        var random = new Random(8);
        var factor = FixedPointMultiplier.FromReal(0.0123);
        var stage = OutputStage.PerTensor(factor, sbyte.MinValue, sbyte.MaxValue);
        var acc = RandomAccumulators(random, 197 * 3 + 5);
        var output = new sbyte[acc.Length];

        stage.Apply(acc, output, vectorize);

        Assert.That(stage.Rows, Is.EqualTo(1));
        for (int i = 0; i < acc.Length; i++)
            Assert.That((int)output[i], Is.EqualTo(Expected(acc[i], 0, factor.Multiplier, factor.Shift, sbyte.MinValue, sbyte.MaxValue)), $"acc {acc[i]}");
    }

    [TestCaseSource(nameof(Loops))]
    public void Halves_round_up_toward_positive_infinity(bool vectorize)
    {
        // M = 2^30, S = 31: the factor ½, so odd accumulators land exactly on halves.
        var stage = OutputStage.PerTensor(new FixedPointMultiplier(1 << 30, 31), short.MinValue, short.MaxValue);
        int[] acc = [3, -3, 1, -1, 5, -5, 0, 2, 7, -7];
        var output = new short[acc.Length];

        stage.Apply(acc, output, vectorize);

        Assert.That(output, Is.EqualTo(new short[] { 2, -1, 1, 0, 3, -2, 0, 1, 4, -3 }));
    }

    [TestCaseSource(nameof(Loops))]
    public void A_negative_multiplier_flips_the_sign_and_still_rounds_halves_up(bool vectorize)
    {
        var stage = OutputStage.PerTensor(new FixedPointMultiplier(-(1 << 30), 31), short.MinValue, short.MaxValue);
        int[] acc = [100, 101, -101, 1, 0, 40, 41, -41, 1000];
        var output = new short[acc.Length];

        stage.Apply(acc, output, vectorize);

        Assert.That(output, Is.EqualTo(new short[] { -50, -50, 51, 0, 0, -20, -20, 21, -500 }));
    }

    [TestCaseSource(nameof(Loops))]
    public void Results_beyond_the_format_saturate_at_both_ends(bool vectorize)
    {
        var one = new FixedPointMultiplier(1 << 30, 30);
        int[] acc = [40, -40, 31, -32, 32, -33, int.MaxValue / 2, int.MinValue / 2, 127, 128, -129];
        var sixBit = new sbyte[acc.Length];
        var eightBit = new sbyte[acc.Length];
        var sixteenBit = new short[acc.Length];

        OutputStage.PerTensor(one, QuantFormats.ActivationMin, QuantFormats.ActivationMax).Apply(acc, sixBit, vectorize);
        OutputStage.PerTensor(one, sbyte.MinValue, sbyte.MaxValue).Apply(acc, eightBit, vectorize);
        OutputStage.PerTensor(one, short.MinValue, short.MaxValue).Apply(acc, sixteenBit, vectorize);

        Assert.That(sixBit, Is.EqualTo(new sbyte[] { 31, -32, 31, -32, 31, -32, 31, -32, 31, 31, -32 }));
        Assert.That(eightBit, Is.EqualTo(new sbyte[] { 40, -40, 31, -32, 32, -33, 127, -128, 127, 127, -128 }));
        Assert.That(sixteenBit, Is.EqualTo(new short[] { 40, -40, 31, -32, 32, -33, 32767, -32768, 127, 128, -129 }));
    }

    [Test]
    public void The_bias_is_added_before_the_multiplier()
    {
        var stage = new OutputStage([1 << 30, 1 << 30], [31, 30], [10, -1000], short.MinValue, short.MaxValue);
        var output = new short[4];

        stage.Apply([4, 4, -4, 2000], output);

        Assert.That(output, Is.EqualTo(new short[] { 7, -996, 3, 1000 }));
    }

    [Test]
    public void The_vector_and_scalar_loops_agree_on_extreme_parameters()
    {
        Assume.That(OutputStage.IsVectorized, "no vector loop on this CPU");
        int[] multipliers = [int.MaxValue, int.MinValue + 1, 1 << 30, -(1 << 30), 0, 1, -1, 12345, int.MaxValue];
        int[] shifts = [1, 1, 62, 62, 1, 1, 2, 40, 62];
        int[] bias = [1 << 30, -(1 << 30), 0, 5, 7, -(1 << 30), 1 << 30, 3, -3];
        var stage = new OutputStage(multipliers, shifts, bias, short.MinValue, short.MaxValue);
        var acc = new[] { 1 << 23, -(1 << 23), 8388607, -8388608, 0, 1, -1, 5, 12 }
            .SelectMany(a => Enumerable.Repeat(a, multipliers.Length)).ToArray();
        var vector = new short[acc.Length];
        var scalar = new short[acc.Length];

        stage.Apply(acc, vector, vectorize: true);
        stage.Apply(acc, scalar, vectorize: false);

        Assert.That(vector, Is.EqualTo(scalar));
        for (int i = 0; i < acc.Length; i++)
        {
            int r = i % multipliers.Length;
            Assert.That((int)scalar[i], Is.EqualTo(Expected(acc[i], bias[r], multipliers[r], shifts[r], short.MinValue, short.MaxValue)));
        }
    }

    [Test]
    public void A_shift_outside_1_to_62_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OutputStage([1], [0], [0], -32, 31));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OutputStage([1], [63], [0], -32, 31));
    }

    [Test]
    public void An_output_range_wider_than_the_output_type_is_refused()
    {
        var stage = OutputStage.PerTensor(new FixedPointMultiplier(1 << 30, 30), short.MinValue, short.MaxValue);

        var error = Assert.Throws<InvalidOperationException>(() => stage.Apply([1], new sbyte[1]))!;

        Assert.That(error.Message, Does.Contain("does not fit sbyte"));
    }

    [Test]
    public void An_accumulator_matrix_that_is_not_whole_rows_is_refused()
    {
        var stage = new OutputStage([1, 1, 1], [1, 1, 1], [0, 0, 0], -32, 31);

        Assert.Throws<ArgumentException>(() => stage.Apply(new int[7], new sbyte[7]));
    }

    private static (int[] Multipliers, int[] Shifts, int[] Bias) RandomParameters(Random random, int n)
    {
        var multipliers = new int[n];
        var shifts = new int[n];
        var bias = new int[n];
        for (int r = 0; r < n; r++)
        {
            switch (random.Next(4))
            {
                case 0: // a realistic factor
                    var factor = FixedPointMultiplier.FromReal((random.NextDouble() - 0.5) * Math.ScaleB(1, random.Next(-20, 4)));
                    multipliers[r] = factor.Multiplier;
                    shifts[r] = factor.Shift;
                    break;
                case 1: // exact halves and quarters to exercise the rounding
                    multipliers[r] = random.Next(2) == 0 ? 1 << 30 : -(1 << 30);
                    shifts[r] = random.Next(31, 33);
                    break;
                default: // anything the format allows
                    multipliers[r] = random.Next(int.MinValue, int.MaxValue);
                    shifts[r] = random.Next(1, 63);
                    break;
            }
            bias[r] = random.Next(3) == 0 ? 0 : random.Next(-(1 << 30), (1 << 30) + 1);
        }
        return (multipliers, shifts, bias);
    }

    private static int[] RandomAccumulators(Random random, int count)
    {
        var acc = new int[count];
        for (int i = 0; i < count; i++)
            acc[i] = random.Next(3) == 0 ? random.Next(-64, 65) : random.Next(-(1 << 23), 1 << 23);
        return acc;
    }
}
