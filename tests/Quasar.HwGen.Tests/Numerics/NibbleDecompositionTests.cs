using Quasar.HwGen.Core.Numerics;

namespace Quasar.HwGen.Tests.Numerics;

/// <summary>The two-nibble execution of 8-bit rows is exact (docs/numerics.md §2), checked exhaustively.</summary>
[TestFixture]
public sealed class NibbleDecompositionTests
{
    [Test]
    public void Every_int8_weight_splits_into_a_signed_high_and_an_unsigned_low_nibble_that_rebuild_it()
    {
        for (int value = sbyte.MinValue; value <= sbyte.MaxValue; value++)
        {
            var w = (sbyte)value;
            var (high, low) = NibbleSplit.Split(w);

            Assert.That((int)high, Is.InRange(QuantFormats.Int4Min, QuantFormats.Int4Max), $"h of {w}");
            Assert.That((int)low, Is.InRange(0, 15), $"l of {w}");
            Assert.That(16 * high + low, Is.EqualTo(value), $"16·h + l for {w}");
            Assert.That(NibbleSplit.Join(high, low), Is.EqualTo(w));
        }
    }

    [Test]
    public void Every_int8_weight_times_every_6_bit_activation_equals_the_two_nibble_passes()
    {
        int checkedProducts = 0;
        for (int x = QuantFormats.ActivationMin; x <= QuantFormats.ActivationMax; x++)
        {
            for (int value = sbyte.MinValue; value <= sbyte.MaxValue; value++)
            {
                var w = (sbyte)value;
                int passes = 16 * (x * NibbleSplit.High(w)) + x * NibbleSplit.Low(w);
                if (passes != x * w) Assert.Fail($"x = {x}, w = {w}: 16·(x·h) + x·l = {passes}, x·w = {x * w}");
                checkedProducts++;
            }
        }
        Assert.That(checkedProducts, Is.EqualTo(64 * 256));
    }

    [Test]
    public void The_nibbles_of_the_extreme_weights_are_the_documented_ones()
    {
        Assert.That(NibbleSplit.Split(-128), Is.EqualTo(((sbyte)-8, (byte)0)));
        Assert.That(NibbleSplit.Split(127), Is.EqualTo(((sbyte)7, (byte)15)));
        Assert.That(NibbleSplit.Split(-1), Is.EqualTo(((sbyte)-1, (byte)15)));
        Assert.That(NibbleSplit.Split(-17), Is.EqualTo(((sbyte)-2, (byte)15)));
    }
}
