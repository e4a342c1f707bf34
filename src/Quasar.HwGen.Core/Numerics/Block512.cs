using System.Runtime.CompilerServices;

namespace Quasar.HwGen.Core.Numerics;

/// <summary>The 512-bit AVX-512BW kernel.</summary>
internal readonly struct Block512 : IGemmBlock
{
    public static int Rows => GemmKernel512.Rows;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Compute(ref byte x, int xStride, ref sbyte panel, int quads, ref int start, ref int destination, int destinationStride) =>
        GemmKernel512.Block(ref x, xStride, ref panel, quads, ref start, ref destination, destinationStride);
}
