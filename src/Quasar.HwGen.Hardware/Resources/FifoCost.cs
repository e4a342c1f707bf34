using Quasar.HwGen.Hardware.Constants;
using Quasar.HwGen.Hardware.Engine;

namespace Quasar.HwGen.Hardware.Resources;

/// <summary>
/// What a stream FIFO costs (estimate; Vitis binds each FIFO itself and csynth reports it): a shallow one is a
/// shift-register LUT (SRL32) and an output register per bit, a deep one BRAM (one read and one write a cycle) with
/// the output register.
/// </summary>
public static class FifoCost
{
    public static ResourceUsage Of(StreamFifo fifo)
    {
        ArgumentNullException.ThrowIfNull(fifo);
        return fifo.Depth <= ModelConstants.ShallowFifoMaxDepth
            ? new ResourceUsage(fifo.WidthBits, fifo.WidthBits, 0, 0)
            : new ResourceUsage(0, fifo.WidthBits, 0, BufferPlan.Blocks(1, fifo.WidthBits, fifo.Depth));
    }
}
