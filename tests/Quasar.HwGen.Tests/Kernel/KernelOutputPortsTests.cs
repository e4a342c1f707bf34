using Quasar.HwGen.Core.Execution.Kernel;

namespace Quasar.HwGen.Tests.Kernel;

/// <summary>The two output ports of docs/kernel-layout.md §2: a row tile's even tokens on out0, its odd ones on out1.</summary>
public sealed class KernelOutputPortsTests
{
    [Test]
    public void Even_tokens_of_every_row_tile_go_to_out0_and_merging_restores_the_stream()
    {
        // TM 3, TN 4 → int16 OW = 1; m 5 (tiles of 3 and 2 tokens), n 6, N' 8 → rt 2, batches 2: stream words in
        // (batch, token tile, row tile, token) order, the token's position in its tile deciding the port.
        var geometry = new KernelGeometry(TileTokens: 3, TileRows: 4, TileReduction: 8);
        var call = new KernelWordCall(Batches: 2, M: 5, N: 6, K: 8, NibbleRows: 8, OutBytes: 2, OutMin: -32768, OutMax: 32767, Flags: 0);
        var sizes = KernelWordSizes.Of(call, geometry);
        var stream = Enumerable.Range(0, sizes.OutWords).Select(i => (UInt128)i).ToArray();
        var out0 = new UInt128[sizes.Out0Words];
        var out1 = new UInt128[sizes.Out1Words];

        KernelOutputPorts.Split(call, sizes, geometry, stream, out0, out1);
        var merged = new UInt128[sizes.OutWords];
        KernelOutputPorts.Merge(call, sizes, geometry, out0, out1, merged);

        Assert.That((sizes.OutWords, sizes.Out0Words, sizes.Out1Words), Is.EqualTo((20, 12, 8)));
        // Batch 0: tile of 3 → words 0-2 (row tile 0), 3-5 (row tile 1); tile of 2 → 6-7, 8-9. Even positions: 0, 2, 3, 5, 6, 8.
        Assert.That(out0.Take(6).Select(w => (int)w), Is.EqualTo(new[] { 0, 2, 3, 5, 6, 8 }));
        Assert.That(out1.Take(4).Select(w => (int)w), Is.EqualTo(new[] { 1, 4, 7, 9 }));
        Assert.That(merged, Is.EqualTo(stream));
    }

    [Test]
    public void Ports_too_small_for_the_call_are_refused()
    {
        var geometry = new KernelGeometry(3, 4, 8);
        var call = new KernelWordCall(1, 5, 6, 8, 8, 2, -32768, 32767, 0);
        var sizes = KernelWordSizes.Of(call, geometry);

        Assert.That(() => KernelOutputPorts.Merge(call, sizes, geometry, new UInt128[sizes.Out0Words - 1], new UInt128[sizes.Out1Words], new UInt128[sizes.OutWords]),
            Throws.ArgumentException.With.Message.Contains("the call needs"));
    }
}
