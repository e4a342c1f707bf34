using CsCheck;
using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.HwGen.Tests.Numerics.HostOps;

/// <summary>stream + q·step in float32, the same bits on every width, in place too.</summary>
[TestFixture]
public sealed class ResidualAddTests
{
    [TestCaseSource(typeof(HostSimdCases), nameof(HostSimdCases.All))]
    public void Every_width_computes_stream_plus_the_dequantized_branch(HostSimd simd)
    {
        Gen.Int[0, 200].SelectMany(n => Gen.Select(HostGens.Values.Array[n], Gen.Short.Array[n], HostGens.Steps)).Sample((stream, branch, step) =>
        {
            var expected = stream.Select((s, i) => s + branch[i] * step).ToArray();
            var output = new float[stream.Length];
            ResidualAdd.Apply(stream, branch, step, output, simd);
            Assert.That(HostSimdCases.Bits(output), Is.EqualTo(HostSimdCases.Bits(expected)));

            ResidualAdd.Apply(stream, branch, step, stream, simd);
            Assert.That(HostSimdCases.Bits(stream), Is.EqualTo(HostSimdCases.Bits(expected)), "in place");
        }, iter: PropertyRuns.Scaled(1000));
    }

    [Test]
    public void Lengths_must_match()
    {
        Assert.Throws<ArgumentException>(() => ResidualAdd.Apply(new float[4], new short[3], 1f, new float[4]));
        Assert.Throws<ArgumentException>(() => ResidualAdd.Apply(new float[4], new short[4], 1f, new float[5]));
    }
}
