namespace Quasar.HwGen.Hardware.Engine;

/// <summary>One stream between two processes of the kernel's DATAFLOW region: its beat width and its depth in beats.</summary>
public sealed record StreamFifo(string Name, int WidthBits, int Depth)
{
    public long Bits => (long)WidthBits * Depth;
}
