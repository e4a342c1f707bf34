using System.Runtime.Intrinsics;
using Quasar.HwGen.Core.Numerics;

namespace Quasar.HwGen.Tests.Numerics;

/// <summary>
/// <c>vpdpbusd</c> as Intel documents it, lane by lane in plain C#: each int32 lane adds the four products of its
/// unsigned activation bytes and signed weight bytes, without saturation. Lets the tests run the shared 256-bit
/// kernel exactly as the AVX-VNNI path composes it, on a CPU without AVX-VNNI.
/// </summary>
internal readonly struct SoftwareVnniDotProduct4 : IDotProduct4
{
    public static bool IsSupported => true;

    public static Vector256<int> Accumulate(Vector256<int> acc, Vector256<byte> x0, Vector256<sbyte> w0, Vector256<byte> x1, Vector256<sbyte> w1) =>
        DotAdd(DotAdd(acc, x0, w0), x1, w1);

    /// <summary>One <c>vpdpbusd</c>.</summary>
    public static Vector256<int> DotAdd(Vector256<int> acc, Vector256<byte> x, Vector256<sbyte> w)
    {
        Span<int> lanes = stackalloc int[Vector256<int>.Count];
        for (int lane = 0; lane < lanes.Length; lane++)
        {
            int sum = acc.GetElement(lane);
            for (int j = 0; j < 4; j++) sum += x.GetElement(4 * lane + j) * w.GetElement(4 * lane + j);
            lanes[lane] = sum;
        }
        return Vector256.Create<int>(lanes);
    }
}
