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
        Assert.That(y[2], Is.Positive.And.LessThan(1e-37f), "e is clamped at 2^-125, never 0");
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
    public void The_exponential_is_within_4_plus_3t_ulp_of_exp_of_the_float_product_and_never_subnormal()
    {
        Assert.That(SoftmaxExponential.Evaluate(0, 0.37f), Is.EqualTo(1f));
        Gen.Select(Gen.Int[0, 65535], Gen.OneOf(Gen.Float[5e-6f, 1e-3f], Gen.Float[1e-3f, 0.5f])).Sample((d, step) =>
        {
            float t = d * step;
            float e = SoftmaxExponential.Evaluate(d, step);
            Assert.That(float.IsNormal(e), $"d = {d}, step = {step:R}: {e:R}");
            // The base-2 exponent d·(s·log2 e) carries the rounding of both products, so the error grows with t.
            if (t < 86f) Assert.That(e, Is.EqualTo((float)Math.Exp(-(double)t)).Within(4 + 3 * t).Ulps, $"d = {d}, step = {step:R}");
            else Assert.That(e, Is.LessThanOrEqualTo(MathF.ScaleB(1f, -124)), $"d = {d}, step = {step:R}"); // v ≤ −124.07, or the clamp
        }, iter: PropertyRuns.Scaled(20000));
    }

    [Test]
    public void Exponentials_are_pinned()
    {
        Assert.That(BitConverter.SingleToInt32Bits(SoftmaxExponential.Evaluate(1024, 1f / 1024)), Is.EqualTo(0x3EBC5AB3), "e^-1, 1 ulp above");
        Assert.That(BitConverter.SingleToInt32Bits(SoftmaxExponential.Evaluate(65535, 1f / 1024)), Is.EqualTo(0x114B81A1), "e^-63.999…");
        Assert.That(BitConverter.SingleToInt32Bits(SoftmaxExponential.Evaluate(88, 1f)), Is.EqualTo(0x01000000), "clamped at 2^-125, a normal float");
    }

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
