namespace Quasar.HwGen.Core.Numerics;

/// <summary>A register-block kernel: <see cref="Rows"/> packed activation rows × one 32-row weight panel.</summary>
internal interface IGemmBlock
{
    static abstract int Rows { get; }

    /// <summary>Writes the block's Rows × 32 accumulators at <paramref name="destination"/>.</summary>
    static abstract void Compute(ref byte x, int xStride, ref sbyte panel, int quads, ref int start, ref int destination, int destinationStride);
}
