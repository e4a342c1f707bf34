using Quasar.HwGen.Hardware.Kernel;

namespace Quasar.HwGen.Hardware.Engine;

/// <summary>
/// The streams joining the five processes of the kernel (read_a, read_w → compute → output → write; docs/kernel-layout.md
/// §4). Depths are estimates: the word and header streams keep Vitis HLS's default FIFO depth of 2 (UG1399,
/// config_dataflow); the accumulator stream holds a whole token tile (TM/PT beats), so that the array streams the next
/// row tile while the output stage, one token a cycle, drains this one, as the accounting assumes.
/// </summary>
public static class DataflowStreams
{
    /// <summary>Vitis HLS's default depth of a DATAFLOW FIFO.</summary>
    public const int DefaultDepth = 2;

    /// <summary>Bits of an output element on its way to the writer: the widest output, int16.</summary>
    public const int OutputElementBits = 16;

    public static IReadOnlyList<StreamFifo> For(EngineConfig engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        int pt = Math.Max(engine.TokensPerCycle, 1), tn = engine.TileRows;
        int wordBits = 8 * KernelCallSizes.WordBytes;
        var buffers = engine.Buffers;
        return
        [
            new("read_a → compute (A words)", wordBits, DefaultDepth),
            new("read_w → compute (weight words)", wordBits, DefaultDepth),
            new("compute → output (tile headers)", KernelCallSizes.HeaderFirstRowBits + KernelCallSizes.HeaderSlotBits * tn, DefaultDepth),
            new("compute → output (PT × TN accumulators)", pt * tn * buffers.AccumulatorBits, (engine.TileTokens + pt - 1) / pt),
            new("output → write (TN outputs)", tn * OutputElementBits, DefaultDepth),
        ];
    }
}
