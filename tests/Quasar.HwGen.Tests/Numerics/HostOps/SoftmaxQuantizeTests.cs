using CsCheck;
using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.HwGen.Tests.Numerics.HostOps;

/// <summary>The fused softmax + quantize equals Softmax then Quantizer bit for bit, on every width.</summary>
[TestFixture]
public sealed class SoftmaxQuantizeTests
{
    [TestCaseSource(typeof(HostSimdCases), nameof(HostSimdCases.All))]
    public void Fused_equals_the_reference_then_quantize(HostSimd simd)
    {
        Gen.Select(SoftmaxTests.Cases, Gen.OneOf(Gen.Float[1e-4f, 0.05f], Gen.Int[-9, -1].Select(e => MathF.ScaleB(1f, e))), HostGens.Ranges)
            .Sample((c, step, range) =>
            {
                var fused = new sbyte[c.Scores.Length];
                SoftmaxQuantize.Apply(c.Scores, c.Columns, c.Step, step, range.Min, range.Max, fused, simd);

                Assert.That(fused, Is.EqualTo(Reference(c.Scores, c.Columns, c.Step, step, range.Min, range.Max)));
            }, iter: PropertyRuns.Scaled(1000));
    }

    [TestCaseSource(typeof(HostSimdCases), nameof(HostSimdCases.All))]
    public void Rows_longer_than_the_stack_scratch_give_the_same_bits(HostSimd simd)
    {
        var random = new Random(5);
        const int columns = 3000;
        var scores = Enumerable.Range(0, 2 * columns).Select(_ => (short)random.Next(-3000, 3000)).ToArray();
        var fused = new sbyte[scores.Length];

        SoftmaxQuantize.Apply(scores, columns, 1e-3f, 1f / 65536, -32, 31, fused, simd);

        Assert.That(fused, Is.EqualTo(Reference(scores, columns, 1e-3f, 1f / 65536, -32, 31)));
        Assert.That(fused.Distinct().Count(), Is.GreaterThan(5), "the case is not degenerate");
    }

    [Test]
    public void A_positive_score_step_and_whole_rows_are_required()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SoftmaxQuantize.Apply(new short[4], 4, 0f, 0.1f, -32, 31, new sbyte[4]));
        Assert.Throws<ArgumentException>(() => SoftmaxQuantize.Apply(new short[6], 4, 1f, 0.1f, -32, 31, new sbyte[6]));
    }

    private static sbyte[] Reference(short[] scores, int columns, float scoreStep, float step, int min, int max)
    {
        var probabilities = new float[scores.Length];
        Softmax.Apply(scores, columns, scoreStep, probabilities, HostSimd.Scalar);
        var expected = new sbyte[scores.Length];
        Quantizer.Apply(probabilities, step, min, max, expected, HostSimd.Scalar);
        return expected;
    }
}
