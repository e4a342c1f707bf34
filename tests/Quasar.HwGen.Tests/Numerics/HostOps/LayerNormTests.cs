using CsCheck;
using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.HwGen.Tests.Numerics.HostOps;

/// <summary>LayerNorm over channels with the biased variance; the same bits on every width.</summary>
[TestFixture]
public sealed class LayerNormTests
{
    [Test]
    public void A_row_is_centred_and_divided_by_its_biased_standard_deviation()
    {
        // mean 2.5, biased variance 1.25; (x − 2.5)/sqrt(1.25 + 1e-6)
        float[] x = [1, 2, 3, 4];
        var y = new float[4];

        LayerNorm.Apply(x, 4, [1, 1, 1, 1], [0, 0, 0, 0], y);

        Assert.That(y, Is.EqualTo(new[] { -1.3416402f, -0.44721341f, 0.44721341f, 1.3416402f }).Within(3e-7f));
    }

    [Test]
    public void Gamma_scales_and_beta_shifts_each_channel_and_rows_are_independent()
    {
        float[] x = [1, 2, 3, 4, 10, 10, 10, 10];
        var y = new float[8];

        LayerNorm.Apply(x, 4, [1, 2, 1, -1], [0, 0, 0.5f, 1], y);

        Assert.That(y.AsSpan(0, 4).ToArray(), Is.EqualTo(new[] { -1.3416402f, -0.89442682f, 0.94721341f, -0.3416402f }).Within(3e-7f));
        Assert.That(y.AsSpan(4, 4).ToArray(), Is.EqualTo(new[] { 0f, 0f, 0.5f, 1f }), "a constant row normalizes to β (ε avoids 0/0)");
    }

    [Test]
    public void Epsilon_is_added_to_the_variance()
    {
        float[] x = [-1, 1];
        var y = new float[2];

        LayerNorm.Apply(x, 2, [1, 1], [0, 0], y, epsilon: 3f);

        Assert.That(y, Is.EqualTo(new[] { -0.5f, 0.5f }));
    }

    [Test]
    public void Mismatched_parameters_are_refused()
    {
        Assert.Throws<ArgumentException>(() => LayerNorm.Apply(new float[6], 4, new float[4], new float[4], new float[6]));
        Assert.Throws<ArgumentException>(() => LayerNorm.Apply(new float[4], 4, new float[3], new float[4], new float[4]));
    }

    [TestCaseSource(typeof(HostSimdCases), nameof(HostSimdCases.All))]
    public void The_mean_is_summed_in_the_8_lane_order(HostSimd simd)
    {
        // The 8-lane sum of this row is 6 (LaneSumTests), a sequential one 3: the mean is 0.75, not 0.375.
        float[] x = [33554432f, 1, 1, 1, -33554432f, 1, 1, 1];
        var y = new float[8];

        LayerNorm.Apply(x, 8, Enumerable.Repeat(1f, 8).ToArray(), new float[8], y, simd: simd);

        float variance = LaneSum.SumOfSquaredDeviations(x, 0.75f) / 8;
        Assert.That(y[1], Is.EqualTo((1 - 0.75f) / MathF.Sqrt(variance + LayerNorm.DefaultEpsilon)));
    }

    [TestCaseSource(typeof(HostSimdCases), nameof(HostSimdCases.Vectors))]
    public void Every_width_gives_the_scalar_bits(HostSimd simd)
    {
        Cases.Sample(c =>
        {
            var scalar = new float[c.X.Length];
            var vector = new float[c.X.Length];
            LayerNorm.Apply(c.X, c.Columns, c.Gamma, c.Beta, scalar, c.Epsilon, HostSimd.Scalar);
            LayerNorm.Apply(c.X, c.Columns, c.Gamma, c.Beta, vector, c.Epsilon, simd);
            Assert.That(HostSimdCases.Bits(vector), Is.EqualTo(HostSimdCases.Bits(scalar)));
        }, iter: PropertyRuns.Scaled(1500));
    }

    /// <summary>Random rows with γ, β and ε: the inputs of LayerNorm and of the fused LayerNormQuantize.</summary>
    internal static readonly Gen<LayerNormCase> Cases =
        HostGens.Columns.SelectMany(columns => Gen.Select(Gen.Int[1, 9].SelectMany(rows => HostGens.Values.Array[rows * columns]),
            Gen.Float[-3f, 3f].Array[columns], Gen.Float[-2f, 2f].Array[columns], Gen.OneOf(Gen.Const(LayerNorm.DefaultEpsilon), Gen.Float[0f, 1f]),
            (x, gamma, beta, epsilon) => new LayerNormCase(columns, x, gamma, beta, epsilon)));

    internal sealed record LayerNormCase(int Columns, float[] X, float[] Gamma, float[] Beta, float Epsilon)
    {
        public override string ToString() => $"{X.Length / Columns}x{Columns}, ε {Epsilon:R}: [{string.Join(", ", X.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}]";
    }
}
