using System.Runtime.CompilerServices;

namespace Quasar.HwGen.Core.Numerics;

/// <summary>The 256-bit kernel with the dot-product instruction <typeparamref name="TDot"/>.</summary>
internal readonly struct Block256<TDot> : IGemmBlock
    where TDot : struct, IDotProduct4
{
    public static int Rows => GemmKernel256.Rows;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Compute(ref byte x, int xStride, ref sbyte panel, int quads, ref int start, ref int destination, int destinationStride) =>
        GemmKernel256.Block<TDot>(ref x, xStride, ref panel, quads, ref start, ref destination, destinationStride);
}
