using Quasar.HwGen.Hardware.Kernel;

namespace Quasar.HwGen.Hardware.Engine;

/// <summary>
/// The streams of the kernel's DATAFLOW region as gemm_engine.h declares them (docs/kernel-layout.md §4): bus words
/// from the two readers (depth 2), a descriptor per row tile (<c>tile_desc</c>: first_row and TN slot kinds, each an
/// int), the final sums of PT tokens (a token tile deep, so the array never waits for the output stage within a tile)
/// and one token's TN int16 outputs (a token tile deep).
/// </summary>
public static class DataflowStreams
{
    /// <summary>Depth of the two word streams (a word pair for the readers).</summary>
    public const int WordStreamDepth = 2;

    /// <summary>Depth of the descriptor stream.</summary>
    public const int DescriptorStreamDepth = 2;

    /// <summary>Bits of an int in a stream struct: HLS keeps a struct member's declared width.</summary>
    public const int IntBits = 32;

    /// <summary>Bits of an output element on its way to the writer (<c>out_block</c>: ap_int&lt;16&gt; per slot).</summary>
    public const int OutputElementBits = 16;

    public static IReadOnlyList<StreamFifo> For(EngineConfig engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        int pt = Math.Max(engine.TokensPerCycle, 1), tn = engine.TileRows, tm = engine.TileTokens;
        int wordBits = 8 * KernelCallSizes.WordBytes;
        return
        [
            new("a_words", wordBits, WordStreamDepth),
            new("w_words", wordBits, WordStreamDepth),
            new("descs (tile_desc)", IntBits * (1 + tn), DescriptorStreamDepth),
            new("sums (PT × TN sums)", pt * tn * engine.Buffers.AccumulatorBits, (tm + pt - 1) / pt),
            new("even_tokens (TN outputs, to out0)", tn * OutputElementBits, tm / 2 + 1),
            new("odd_tokens (TN outputs, to out1)", tn * OutputElementBits, tm / 2 + 1),
        ];
    }
}
