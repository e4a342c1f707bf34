using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Quasar.HwGen.Core.Numerics;

/// <summary>AVX-VNNI: <c>vpdpbusd</c> adds four u8·s8 products to each int32 lane in one instruction.</summary>
internal readonly struct AvxVnniDotProduct4 : IDotProduct4
{
    public static bool IsSupported => AvxVnni.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> Accumulate(Vector256<int> acc, Vector256<byte> x0, Vector256<sbyte> w0, Vector256<byte> x1, Vector256<sbyte> w1) =>
        AvxVnni.MultiplyWideningAndAdd(AvxVnni.MultiplyWideningAndAdd(acc, x0, w0), x1, w1);
}
