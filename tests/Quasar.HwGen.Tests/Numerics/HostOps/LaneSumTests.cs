using CsCheck;
using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.HwGen.Tests.Numerics.HostOps;

/// <summary>The one summation order of the host ops: pinned by hand-computed cases, and the same on every width.</summary>
[TestFixture]
public sealed class LaneSumTests
{
    private const float TwoTo25 = 33554432f; // its float32 ulp is 4: adding 1 is lost

    [TestCaseSource(typeof(HostSimdCases), nameof(HostSimdCases.All))]
    public void The_lanes_combine_as_upper_half_onto_lower_half_three_times(HostSimd simd)
    {
        // s0 = 2^25, s4 = −2^25, every other lane 1: ((s0 + s4) + (s2 + s6)) + ((s1 + s5) + (s3 + s7)) = 0 + 2 + 4 = 6,
        // where a sequential sum loses the first three 1s (3) and ((s0 + s1) + (s2 + s3)) + … gives 0.
        float[] x = [TwoTo25, 1, 1, 1, -TwoTo25, 1, 1, 1];

        Assert.That(LaneSum.Sum(x, simd), Is.EqualTo(6f));
        Assert.That(x.Aggregate(0f, (s, v) => s + v), Is.EqualTo(3f), "the sequential order differs");
    }

    [TestCaseSource(typeof(HostSimdCases), nameof(HostSimdCases.All))]
    public void Lane_j_takes_the_elements_congruent_to_j_mod_8_in_order_including_the_tail(HostSimd simd)
    {
        // Lane 0 holds (2^25 + 1) − 2^25 = 0: element 8 is absorbed before element 16 (the tail) cancels element 0.
        // Sixteen lanes would keep the 1 (2^25 − 2^25 in lane 0, 1 in lane 8).
        var x = new float[17];
        (x[0], x[8], x[16]) = (TwoTo25, 1, -TwoTo25);

        Assert.That(LaneSum.Sum(x, simd), Is.EqualTo(0f));
    }

    [TestCaseSource(typeof(HostSimdCases), nameof(HostSimdCases.All))]
    public void Every_width_follows_the_definition_bit_for_bit(HostSimd simd)
    {
        Gen.Select(HostGens.Values.Array[0, 300], HostGens.Values).Sample((x, mean) =>
        {
            Assert.That(HostSimdCases.Bits(LaneSum.Sum(x, simd)), Is.EqualTo(HostSimdCases.Bits(Definition(x, v => v))));
            float squares = Definition(x, v => (v - mean) * (v - mean));
            Assert.That(HostSimdCases.Bits(LaneSum.SumOfSquaredDeviations(x, mean, simd)), Is.EqualTo(HostSimdCases.Bits(squares)));
        }, iter: PropertyRuns.Scaled(3000));
    }

    [Test]
    public void The_sum_of_nothing_is_positive_zero()
    {
        Assert.That(BitConverter.SingleToInt32Bits(LaneSum.Sum([])), Is.Zero);
        Assert.That(BitConverter.SingleToInt32Bits(LaneSum.Sum([-0f, -0f])), Is.Zero, "lanes start from +0");
    }

    /// <summary>docs/numerics.md §6.1 written out: 8 lanes from +0, element i into lane i mod 8, then the fixed tree.</summary>
    private static float Definition(float[] x, Func<float, float> term)
    {
        var s = new float[8];
        for (int i = 0; i < x.Length; i++) s[i % 8] += term(x[i]);
        return ((s[0] + s[4]) + (s[2] + s[6])) + ((s[1] + s[5]) + (s[3] + s[7]));
    }
}
