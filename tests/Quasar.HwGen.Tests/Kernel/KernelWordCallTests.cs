using Quasar.HwGen.Core.Execution.Kernel;

namespace Quasar.HwGen.Tests.Kernel;

/// <summary>The word call's scalars (docs/kernel-layout.md §1): signature order, and nibble_rows from the rows' precisions.</summary>
[TestFixture]
public sealed class KernelWordCallTests
{
    private static readonly GemmCall Linear = new(1, 5, 4, 7, 0, 7, 0, 7, 1, 0, 4, 1, -32, 31, 0);

    [Test]
    public void The_scalars_are_named_and_ordered_as_the_signature()
    {
        Assert.That(KernelWordCall.ScalarNames, Is.EqualTo(new[] { "batches", "m", "n", "k", "nibble_rows", "out_bytes", "out_min", "out_max", "flags" }));
        Assert.That(KernelWordCall.ScalarNames, Has.Count.EqualTo(KernelWordCall.ScalarCount));
        var call = new KernelWordCall(2, 3, 4, 5, 6, 1, -7, 8, 3);
        Assert.That(call.ToArray(), Is.EqualTo(new[] { 2, 3, 4, 5, 6, 1, -7, 8, 3 }));
        Assert.That(KernelWordCall.FromArray(call.ToArray()), Is.EqualTo(call));
        Assert.That(() => KernelWordCall.FromArray(new int[8]), Throws.ArgumentException);
    }

    [Test]
    public void A_geometry_has_positive_tiles()
    {
        Assert.That(new KernelGeometry(4, 5, 6).ToString(), Is.EqualTo("TM 4, TN 5, TK 6"));
        Assert.That(() => new KernelGeometry(0, 5, 6), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("TileTokens"));
        Assert.That(() => new KernelGeometry(4, -1, 6), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("TileRows"));
        Assert.That(() => new KernelGeometry(4, 5, 0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("TileReduction"));
    }

    [Test]
    public void Nibble_rows_count_two_for_each_8_bit_row_and_one_for_each_4_bit_row()
    {
        Assert.That(KernelWordCall.From(Linear, [1, 0, 0, 1]), Is.EqualTo(new KernelWordCall(1, 5, 4, 7, 6, 1, -32, 31, 0)));
        Assert.That(KernelWordCall.From(Linear with { Flags = GemmFlags.All8Bit }, [0, 0, 0, 0]).NibbleRows, Is.EqualTo(8), "ALL_8BIT ignores row_is8");
        Assert.That(KernelWordCall.From(Linear with { Flags = GemmFlags.PerTensor }, [1]).NibbleRows, Is.EqualTo(8), "per tensor: row_is8[0] for every row");
        Assert.That(KernelWordCall.From(Linear with { Flags = GemmFlags.PerTensor }, [0]).NibbleRows, Is.EqualTo(4));
        Assert.That(KernelWordCall.From(Linear with { Flags = GemmFlags.PerTensor | GemmFlags.All8Bit }, []).TableRows, Is.EqualTo(1));
        Assert.That(() => KernelWordCall.From(Linear, [1, 0]), Throws.ArgumentException.With.Message.Contains("needs 4"));
    }
}
