using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Quasar.HwGen.Core.Numerics;

/// <summary>
/// The 256-bit register block: 4 activation rows × one 32-row weight panel, sixteen int32 accumulators, two quads
/// (8 k) per step. Generic over the dot-product instruction so that the AVX2 and AVX-VNNI paths share every line
/// but that one.
/// </summary>
internal static class GemmKernel256
{
    public const int Rows = 4;

    /// <summary>
    /// Writes the 4 × 32 block starting at <paramref name="destination"/> (row stride <paramref name="destinationStride"/>).
    /// <paramref name="x"/>: 4 packed activation rows of <paramref name="xStride"/> bytes; <paramref name="panel"/>:
    /// the panel, <paramref name="quads"/> quads deep (even); <paramref name="start"/>: the panel's 32 accumulator starts.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Block<TDot>(ref byte x, int xStride, ref sbyte panel, int quads, ref int start, ref int destination, int destinationStride)
        where TDot : struct, IDotProduct4
    {
        var s0 = Vector256.LoadUnsafe(ref start, 0);
        var s1 = Vector256.LoadUnsafe(ref start, 8);
        var s2 = Vector256.LoadUnsafe(ref start, 16);
        var s3 = Vector256.LoadUnsafe(ref start, 24);
        Vector256<int> a00 = s0, a01 = s1, a02 = s2, a03 = s3;
        Vector256<int> a10 = s0, a11 = s1, a12 = s2, a13 = s3;
        Vector256<int> a20 = s0, a21 = s1, a22 = s2, a23 = s3;
        Vector256<int> a30 = s0, a31 = s1, a32 = s2, a33 = s3;
        ref byte x0 = ref x;
        ref byte x1 = ref Unsafe.Add(ref x, xStride);
        ref byte x2 = ref Unsafe.Add(ref x, 2 * xStride);
        ref byte x3 = ref Unsafe.Add(ref x, 3 * xStride);
        ref sbyte w = ref panel;
        for (int q = 0; q < quads; q += 2)
        {
            var w00 = Vector256.LoadUnsafe(ref w, 0);
            var w01 = Vector256.LoadUnsafe(ref w, 32);
            var w02 = Vector256.LoadUnsafe(ref w, 64);
            var w03 = Vector256.LoadUnsafe(ref w, 96);
            var w10 = Vector256.LoadUnsafe(ref w, 128);
            var w11 = Vector256.LoadUnsafe(ref w, 160);
            var w12 = Vector256.LoadUnsafe(ref w, 192);
            var w13 = Vector256.LoadUnsafe(ref w, 224);
            w = ref Unsafe.Add(ref w, 256);

            var b0 = Broadcast(ref x0, q);
            var b1 = Broadcast(ref x0, q + 1);
            a00 = TDot.Accumulate(a00, b0, w00, b1, w10);
            a01 = TDot.Accumulate(a01, b0, w01, b1, w11);
            a02 = TDot.Accumulate(a02, b0, w02, b1, w12);
            a03 = TDot.Accumulate(a03, b0, w03, b1, w13);
            b0 = Broadcast(ref x1, q);
            b1 = Broadcast(ref x1, q + 1);
            a10 = TDot.Accumulate(a10, b0, w00, b1, w10);
            a11 = TDot.Accumulate(a11, b0, w01, b1, w11);
            a12 = TDot.Accumulate(a12, b0, w02, b1, w12);
            a13 = TDot.Accumulate(a13, b0, w03, b1, w13);
            b0 = Broadcast(ref x2, q);
            b1 = Broadcast(ref x2, q + 1);
            a20 = TDot.Accumulate(a20, b0, w00, b1, w10);
            a21 = TDot.Accumulate(a21, b0, w01, b1, w11);
            a22 = TDot.Accumulate(a22, b0, w02, b1, w12);
            a23 = TDot.Accumulate(a23, b0, w03, b1, w13);
            b0 = Broadcast(ref x3, q);
            b1 = Broadcast(ref x3, q + 1);
            a30 = TDot.Accumulate(a30, b0, w00, b1, w10);
            a31 = TDot.Accumulate(a31, b0, w01, b1, w11);
            a32 = TDot.Accumulate(a32, b0, w02, b1, w12);
            a33 = TDot.Accumulate(a33, b0, w03, b1, w13);
        }
        Store(ref destination, a00, a01, a02, a03);
        Store(ref Unsafe.Add(ref destination, destinationStride), a10, a11, a12, a13);
        Store(ref Unsafe.Add(ref destination, 2 * destinationStride), a20, a21, a22, a23);
        Store(ref Unsafe.Add(ref destination, 3 * destinationStride), a30, a31, a32, a33);
    }

    /// <summary>The four activation bytes of quad <paramref name="quad"/> in every int32 lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Broadcast(ref byte row, int quad) =>
        Vector256.Create(Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref row, quad * 4))).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref int row, Vector256<int> a0, Vector256<int> a1, Vector256<int> a2, Vector256<int> a3)
    {
        a0.StoreUnsafe(ref row, 0);
        a1.StoreUnsafe(ref row, 8);
        a2.StoreUnsafe(ref row, 16);
        a3.StoreUnsafe(ref row, 24);
    }
}
