using Quasar.HwGen.Core.Numerics;

namespace Quasar.HwGen.Tests.Numerics;

/// <summary>Packing keeps the weights, computes the row sums once, and pads K for the kernels.</summary>
[TestFixture]
public sealed class PackedWeightsTests
{
    [Test]
    public void Packing_keeps_the_rows_and_sums_each_row()
    {
        sbyte[] w = [1, 2, 3, -128, 127, 5, 0, 0, -8];

        var packed = PackedWeights.Pack(w, 3, 3);

        Assert.That(packed.N, Is.EqualTo(3));
        Assert.That(packed.K, Is.EqualTo(3));
        Assert.That(packed.Rows.ToArray(), Is.EqualTo(w));
        Assert.That(packed.RowSums.ToArray(), Is.EqualTo(new[] { 6, 4, -8 }));
    }

    [TestCase(1, 8)]
    [TestCase(8, 8)]
    [TestCase(9, 16)]
    [TestCase(197, 200)]
    [TestCase(0, 0)]
    public void K_is_padded_to_the_kernels_step(int k, int padded)
    {
        Assert.That(PackedWeights.Pack(new sbyte[2 * k], 2, k).PaddedK, Is.EqualTo(padded));
    }

    [Test]
    public void Weights_of_the_wrong_length_are_refused()
    {
        Assert.Throws<ArgumentException>(() => PackedWeights.Pack(new sbyte[5], 2, 3));
    }
}
