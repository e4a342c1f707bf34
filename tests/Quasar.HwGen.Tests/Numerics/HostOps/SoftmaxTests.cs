using CsCheck;
using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.HwGen.Tests.Numerics.HostOps;

/// <summary>Row-wise softmax of integer scores: values, the portable exponential, and the same bits on every width.</summary>
[TestFixture]
public sealed class SoftmaxTests
{
    [Test]
    public void A_row_matches_the_hand_computation()
    {
        var y = new float[3];

        Softmax.Apply([1, 2, 3], 3, 1f, y);

        Assert.That(y, Is.EqualTo(new[] { 0.09003057f, 0.24472847f, 0.66524096f }).Within(1e-7f));
    }

    [Test]
    public void The_score_step_scales_the_distances_and_far_scores_get_next_to_nothing()
    {
        var y = new float[4];

        Softmax.Apply([32767, 32767, -32768, 32767 - 256], 4, 1f / 256, y); // distances 0, 0, 65535/256, 1.0

        float e1 = (float)Math.Exp(-1);
        Assert.That(y, Is.EqualTo(new[] { 1 / (2 + e1), 1 / (2 + e1), 0f, e1 / (2 + e1) }).Within(1e-7f));
        Assert.That(y[2], Is.Positive.And.LessThan(1e-37f), "beyond the horizon e is 2^-125, never 0");
    }

    [Test]
    public void Rows_are_independent_and_sum_to_one()
    {
        var y = new float[6];

        Softmax.Apply([0, 0, 500, -500, 1, 2], 2, 0.01f, y);

        Assert.That(y.AsSpan(0, 2).ToArray(), Is.EqualTo(new[] { 0.5f, 0.5f }));
        Assert.That(y[2] + y[3], Is.EqualTo(1f).Within(1e-7f));
        Assert.That(y[2], Is.GreaterThan(0.99f));
        Assert.That(y[4] + y[5], Is.EqualTo(1f).Within(1e-7f));
    }

    [Test]
    public void The_exponential_is_within_3_ulp_of_exp_at_every_distance_up_to_the_horizon_and_a_normal_floor_beyond()
    {
        Assert.That(SoftmaxExponential.For(0.37f).Evaluate(0), Is.EqualTo(1f));
        Gen.Select(Gen.Int[0, 65535], Gen.OneOf(Gen.Float[5e-6f, 1e-3f], Gen.Float[1e-3f, 0.5f], Gen.Float[0.5f, 100f])).Sample((d, step) =>
        {
            var exponential = SoftmaxExponential.For(step);
            float e = exponential.Evaluate(d);
            double t = (double)d * step; // exact: 16 × 24 significant bits
            Assert.That(float.IsNormal(e), $"d = {d}, step = {step:R}: {e:R}");
            if (t <= SoftmaxExponential.HorizonExponent) Assert.That(e, Is.EqualTo((float)Math.Exp(-t)).Within(3).Ulps, $"d = {d}, step = {step:R}");
            else Assert.That(e, Is.EqualTo(SoftmaxExponential.Floor), $"d = {d}, step = {step:R}");
        }, iter: PropertyRuns.Scaled(20000));
    }

    [Test]
    public void The_horizon_is_the_last_distance_whose_exact_exponent_is_within_86()
    {
        Gen.OneOf(Gen.Float[5e-6f, 1e-3f], Gen.Float[1e-3f, 0.5f], Gen.Float[0.5f, 100f]).Sample(step =>
        {
            int horizon = SoftmaxExponential.For(step).Horizon;
            Assert.That((double)horizon * step, Is.LessThanOrEqualTo(86.0), $"step {step:R}");
            Assert.That(horizon == 65535 || (double)(horizon + 1) * step > 86.0, $"step {step:R}: horizon {horizon}");
        }, iter: PropertyRuns.Scaled(5000));
    }

    [Test]
    public void Exponentials_are_pinned()
    {
        Assert.That(Bits(SoftmaxExponential.For(1f / 1024).Evaluate(1024)), Is.EqualTo(0x3EBC5AB2), "e^-1, correctly rounded");
        Assert.That(Bits(SoftmaxExponential.For(1f / 1024).Evaluate(65535)), Is.EqualTo(0x114B817E), "e^-63.999…, correctly rounded");
        Assert.That(Bits(SoftmaxExponential.For(1f).Evaluate(86)), Is.EqualTo(0x01739363), "e^-86, the horizon, 1 ulp above");
        Assert.That(Bits(SoftmaxExponential.For(1f).Evaluate(87)), Is.EqualTo(0x01000000), "beyond the horizon: 2^-125, a normal float");
    }

    private static int Bits(float value) => BitConverter.SingleToInt32Bits(value);

    [Test]
    public void The_row_maximum_is_exact_wherever_the_largest_score_is()
    {
        // RowMax serves every width, so the width comparisons below cannot catch it; rows end in partial vectors.
        HostGens.Columns.SelectMany(n => Gen.Select(Gen.Short.Array[n], Gen.Int[0, n - 1], Gen.Short)).Sample((row, at, value) =>
        {
            row[at] = value;
            Assert.That(Softmax.RowMax(row), Is.EqualTo(row.Max()), $"[{string.Join(", ", row)}]");
        }, iter: PropertyRuns.Scaled(5000));
    }

    [TestCaseSource(typeof(HostSimdCases), nameof(HostSimdCases.Vectors))]
    public void Every_width_gives_the_scalar_bits(HostSimd simd)
    {
        Cases.Sample(c =>
        {
            var scalar = new float[c.Scores.Length];
            var vector = new float[c.Scores.Length];
            Softmax.Apply(c.Scores, c.Columns, c.Step, scalar, HostSimd.Scalar);
            Softmax.Apply(c.Scores, c.Columns, c.Step, vector, simd);
            Assert.That(HostSimdCases.Bits(vector), Is.EqualTo(HostSimdCases.Bits(scalar)));
        }, iter: PropertyRuns.Scaled(1000));
    }

    /// <summary>Rows of int16 scores: any, narrow around a value, or all equal; steps from the models' 5e-6 up.</summary>
    internal static readonly Gen<SoftmaxCase> Cases = HostGens.Columns.SelectMany(columns => Gen.Select(
        Gen.Int[1, 4].SelectMany(rows => Gen.OneOf(
            Gen.Short.Array[rows * columns],
            Gen.Short[-200, 200].Array[rows * columns],
            Gen.Short.Select(v => Enumerable.Repeat(v, rows * columns).ToArray()))),
        Gen.OneOf(Gen.Float[5e-6f, 1e-3f], Gen.Float[1e-3f, 0.5f]),
        (scores, step) => new SoftmaxCase(columns, scores, step)));

    internal sealed record SoftmaxCase(int Columns, short[] Scores, float Step)
    {
        public override string ToString() => $"{Scores.Length / Columns}x{Columns}, step {Step:R}: [{string.Join(", ", Scores)}]";
    }
}
