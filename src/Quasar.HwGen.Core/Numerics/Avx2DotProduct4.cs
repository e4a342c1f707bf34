using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Quasar.HwGen.Core.Numerics;

/// <summary>
/// AVX2 without VNNI: <c>vpmaddubsw</c> gives int16 sums of two u8·s8 products. With activations offset to [0, 63]
/// one such sum lies in [−16128, 16002], so the two groups add in int16 without saturating or wrapping
/// (|sum| ≤ 32256 &lt; 32768); <c>vpmaddwd</c> by ones then widens adjacent pairs into int32.
/// </summary>
internal readonly struct Avx2DotProduct4 : IDotProduct4
{
    public static bool IsSupported => Avx2.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> Accumulate(Vector256<int> acc, Vector256<byte> x0, Vector256<sbyte> w0, Vector256<byte> x1, Vector256<sbyte> w1)
    {
        var pairs = Avx2.Add(Avx2.MultiplyAddAdjacent(x0, w0), Avx2.MultiplyAddAdjacent(x1, w1));
        return Avx2.Add(acc, Avx2.MultiplyAddAdjacent(pairs, Vector256<short>.One));
    }
}
