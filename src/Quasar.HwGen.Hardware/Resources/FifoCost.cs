using Quasar.HwGen.Hardware.Constants;
using Quasar.HwGen.Hardware.Engine;

namespace Quasar.HwGen.Hardware.Resources;

/// <summary>
/// What a stream FIFO costs as Vitis HLS binds it by default (UG1399 config_storage): at most 2 deep and 1,024 bits, a
/// shift-register LUT a bit; otherwise a memory, counted as RAMB18E2s (Vivado may build a shallow, wide one from
/// LUT-RAM instead; only its report tells).
/// </summary>
public static class FifoCost
{
    public static ResourceUsage Of(StreamFifo fifo)
    {
        ArgumentNullException.ThrowIfNull(fifo);
        return fifo.Depth <= VitisHlsConstants.AutoSrlMaxDepth && fifo.Bits <= VitisHlsConstants.AutoSrlMaxBits
            ? new ResourceUsage(fifo.WidthBits, fifo.WidthBits, 0, 0)
            : new ResourceUsage(0, 0, 0, OnChipMemory.BlocksPerBank(fifo.Depth, fifo.WidthBits));
    }
}
