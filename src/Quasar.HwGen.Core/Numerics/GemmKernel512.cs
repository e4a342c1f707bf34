using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Quasar.HwGen.Core.Numerics;

/// <summary>
/// The 512-bit register block: 8 activation rows × one 32-row weight panel (two 16-lane int32 accumulators per
/// row), two quads (8 k) per step, with the AVX2 instruction pair on 64-byte vectors (see <see cref="Avx2DotProduct4"/>
/// for why the int16 intermediate cannot overflow). The panel layout is the one the 256-bit kernel reads.
/// </summary>
internal static class GemmKernel512
{
    public const int Rows = 8;

    public static bool IsSupported => Avx512BW.IsSupported;

    /// <summary>As <see cref="GemmKernel256.Block{TDot}"/>, for 8 activation rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Block(ref byte x, int xStride, ref sbyte panel, int quads, ref int start, ref int destination, int destinationStride)
    {
        var s0 = Vector512.LoadUnsafe(ref start, 0);
        var s1 = Vector512.LoadUnsafe(ref start, 16);
        Vector512<int> a00 = s0, a01 = s1;
        Vector512<int> a10 = s0, a11 = s1;
        Vector512<int> a20 = s0, a21 = s1;
        Vector512<int> a30 = s0, a31 = s1;
        Vector512<int> a40 = s0, a41 = s1;
        Vector512<int> a50 = s0, a51 = s1;
        Vector512<int> a60 = s0, a61 = s1;
        Vector512<int> a70 = s0, a71 = s1;
        ref byte x0 = ref x;
        ref byte x1 = ref Unsafe.Add(ref x, xStride);
        ref byte x2 = ref Unsafe.Add(ref x, 2 * xStride);
        ref byte x3 = ref Unsafe.Add(ref x, 3 * xStride);
        ref byte x4 = ref Unsafe.Add(ref x, 4 * xStride);
        ref byte x5 = ref Unsafe.Add(ref x, 5 * xStride);
        ref byte x6 = ref Unsafe.Add(ref x, 6 * xStride);
        ref byte x7 = ref Unsafe.Add(ref x, 7 * xStride);
        ref sbyte w = ref panel;
        for (int q = 0; q < quads; q += 2)
        {
            var w00 = Vector512.LoadUnsafe(ref w, 0);
            var w01 = Vector512.LoadUnsafe(ref w, 64);
            var w10 = Vector512.LoadUnsafe(ref w, 128);
            var w11 = Vector512.LoadUnsafe(ref w, 192);
            w = ref Unsafe.Add(ref w, 256);

            var b0 = Broadcast(ref x0, q);
            var b1 = Broadcast(ref x0, q + 1);
            a00 = Accumulate(a00, b0, w00, b1, w10);
            a01 = Accumulate(a01, b0, w01, b1, w11);
            b0 = Broadcast(ref x1, q);
            b1 = Broadcast(ref x1, q + 1);
            a10 = Accumulate(a10, b0, w00, b1, w10);
            a11 = Accumulate(a11, b0, w01, b1, w11);
            b0 = Broadcast(ref x2, q);
            b1 = Broadcast(ref x2, q + 1);
            a20 = Accumulate(a20, b0, w00, b1, w10);
            a21 = Accumulate(a21, b0, w01, b1, w11);
            b0 = Broadcast(ref x3, q);
            b1 = Broadcast(ref x3, q + 1);
            a30 = Accumulate(a30, b0, w00, b1, w10);
            a31 = Accumulate(a31, b0, w01, b1, w11);
            b0 = Broadcast(ref x4, q);
            b1 = Broadcast(ref x4, q + 1);
            a40 = Accumulate(a40, b0, w00, b1, w10);
            a41 = Accumulate(a41, b0, w01, b1, w11);
            b0 = Broadcast(ref x5, q);
            b1 = Broadcast(ref x5, q + 1);
            a50 = Accumulate(a50, b0, w00, b1, w10);
            a51 = Accumulate(a51, b0, w01, b1, w11);
            b0 = Broadcast(ref x6, q);
            b1 = Broadcast(ref x6, q + 1);
            a60 = Accumulate(a60, b0, w00, b1, w10);
            a61 = Accumulate(a61, b0, w01, b1, w11);
            b0 = Broadcast(ref x7, q);
            b1 = Broadcast(ref x7, q + 1);
            a70 = Accumulate(a70, b0, w00, b1, w10);
            a71 = Accumulate(a71, b0, w01, b1, w11);
        }
        Store(ref destination, a00, a01);
        Store(ref Unsafe.Add(ref destination, destinationStride), a10, a11);
        Store(ref Unsafe.Add(ref destination, 2 * destinationStride), a20, a21);
        Store(ref Unsafe.Add(ref destination, 3 * destinationStride), a30, a31);
        Store(ref Unsafe.Add(ref destination, 4 * destinationStride), a40, a41);
        Store(ref Unsafe.Add(ref destination, 5 * destinationStride), a50, a51);
        Store(ref Unsafe.Add(ref destination, 6 * destinationStride), a60, a61);
        Store(ref Unsafe.Add(ref destination, 7 * destinationStride), a70, a71);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> Accumulate(Vector512<int> acc, Vector512<byte> x0, Vector512<sbyte> w0, Vector512<byte> x1, Vector512<sbyte> w1)
    {
        var pairs = Avx512BW.Add(Avx512BW.MultiplyAddAdjacent(x0, w0), Avx512BW.MultiplyAddAdjacent(x1, w1));
        return Avx512F.Add(acc, Avx512BW.MultiplyAddAdjacent(pairs, Vector512<short>.One));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> Broadcast(ref byte row, int quad) =>
        Vector512.Create(Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref row, quad * 4))).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref int row, Vector512<int> a0, Vector512<int> a1)
    {
        a0.StoreUnsafe(ref row, 0);
        a1.StoreUnsafe(ref row, 16);
    }
}
