using CsCheck;
using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.HwGen.Tests.Numerics.HostOps;

/// <summary>The fused LayerNorm + quantize equals LayerNorm then Quantizer bit for bit, on every width.</summary>
[TestFixture]
public sealed class LayerNormQuantizeTests
{
    [TestCaseSource(typeof(HostSimdCases), nameof(HostSimdCases.All))]
    public void Fused_equals_the_reference_then_quantize(HostSimd simd)
    {
        Gen.Select(LayerNormTests.Cases, HostGens.Steps, HostGens.Ranges).Sample((c, step, range) =>
        {
            var normalized = new float[c.X.Length];
            LayerNorm.Apply(c.X, c.Columns, c.Gamma, c.Beta, normalized, c.Epsilon, HostSimd.Scalar);
            if (normalized.Any(float.IsNaN)) return; // a row with ±∞ or float.MaxValue squares: both refuse it (below)
            var expected = new sbyte[c.X.Length];
            Quantizer.Apply(normalized, step, range.Min, range.Max, expected, HostSimd.Scalar);

            var fused = new sbyte[c.X.Length];
            LayerNormQuantize.Apply(c.X, c.Columns, c.Gamma, c.Beta, c.Epsilon, step, range.Min, range.Max, fused, simd);

            Assert.That(fused, Is.EqualTo(expected));
        }, iter: PropertyRuns.Scaled(1500));
    }

    [TestCaseSource(typeof(HostSimdCases), nameof(HostSimdCases.All))]
    public void A_row_that_normalizes_to_NaN_is_refused_with_its_element(HostSimd simd)
    {
        var x = Enumerable.Range(0, 3 * 40).Select(i => (float)(i % 7)).ToArray();
        x[45] = float.PositiveInfinity; // row 1: mean ∞, every element NaN
        var ones = Enumerable.Repeat(1f, 40).ToArray();

        var error = Assert.Throws<ArgumentException>(() =>
            LayerNormQuantize.Apply(x, 40, ones, new float[40], LayerNorm.DefaultEpsilon, 0.1f, -32, 31, new sbyte[x.Length], simd))!;

        Assert.That(error.Message, Does.Contain("NaN").And.Contain("element 40"));
    }

    [Test]
    public void Mismatched_arguments_are_refused()
    {
        var ones = new float[4];
        Assert.Throws<ArgumentException>(() => LayerNormQuantize.Apply(new float[6], 4, ones, ones, 0, 1, -32, 31, new sbyte[6]));
        Assert.Throws<ArgumentException>(() => LayerNormQuantize.Apply(new float[8], 4, ones, ones, 0, 1, -32, 31, new sbyte[4]));
        Assert.Throws<ArgumentOutOfRangeException>(() => LayerNormQuantize.Apply(new float[4], 4, ones, ones, 0, -1, -32, 31, new sbyte[4]));
    }
}
