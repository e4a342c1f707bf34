using CsCheck;
using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.HwGen.Tests.Numerics.HostOps;

/// <summary>q · step in float32, the same bits on every width.</summary>
[TestFixture]
public sealed class DequantizerTests
{
    [Test]
    public void Int16_values_are_multiplied_by_the_step()
    {
        Assert.That(Dequantizer.Apply([short.MinValue, -1, 0, 3, short.MaxValue], 0.5f), Is.EqualTo(new[] { -16384f, -0.5f, 0f, 1.5f, 16383.5f }));
    }

    [Test]
    public void Six_bit_values_are_multiplied_by_the_step_in_float32()
    {
        var output = new float[3];

        Dequantizer.Apply([-32, 31, 7], 0.1f, output);

        Assert.That(output, Is.EqualTo(new[] { -32 * 0.1f, 31 * 0.1f, 7 * 0.1f }));
    }

    [TestCaseSource(typeof(HostSimdCases), nameof(HostSimdCases.All))]
    public void Every_width_multiplies_in_float32(HostSimd simd)
    {
        Gen.Select(Gen.Short.Array[0, 150], Gen.SByte.Array[0, 150], HostGens.Steps).Sample((shorts, bytes, step) =>
        {
            var fromShorts = new float[shorts.Length];
            Dequantizer.Apply(shorts, step, fromShorts, simd);
            Assert.That(HostSimdCases.Bits(fromShorts), Is.EqualTo(HostSimdCases.Bits(shorts.Select(q => q * step).ToArray())));

            var fromBytes = new float[bytes.Length];
            Dequantizer.Apply(bytes, step, fromBytes, simd);
            Assert.That(HostSimdCases.Bits(fromBytes), Is.EqualTo(HostSimdCases.Bits(bytes.Select(q => q * step).ToArray())));
        }, iter: PropertyRuns.Scaled(1000));
    }
}
