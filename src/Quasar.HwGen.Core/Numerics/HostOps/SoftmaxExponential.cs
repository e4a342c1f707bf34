using System.Runtime.CompilerServices;
using Quasar.HwGen.Core.Numerics.HostOps.Simd;

namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// The exponential of softmax (docs/numerics.md §6.5): e = exp(−d·s) for the distance d = row max − score (0 … 65535)
/// of integer scores with step s, in float32 from IEEE basic operations only, so that scalar code and every vector
/// width compute the same bits everywhere. Cody–Waite reduction to |r| ≤ ln2/2 and Cephes' expf polynomial: within
/// 2 ulp of exp. Arguments beyond <see cref="LargestArgument"/> give +0, so that no subnormal float is ever made (x64
/// cores take a slow microcode path for them; e^−87 is a normal float, and negligible next to the row's sum ≥ 1).
/// </summary>
public static class SoftmaxExponential
{
    /// <summary>t = d·s above this gives e = +0.</summary>
    public const float LargestArgument = 87f;

    private const float Log2E = 1.44269504f; // 0x3FB8AA3B
    private const float Ln2Hi = 0.693359375f; // 0x3F318000: 9 significant bits, so k·Ln2Hi is exact for k ≤ 126
    private const float Ln2Lo = -2.12194440e-4f; // 0xB95E8083: ln 2 − Ln2Hi rounded to float

    // Cephes expf: e^r ≈ 1 + r + r²·P(r), |r| ≤ ln2/2.
    private const float P0 = 1.9875691500e-4f, P1 = 1.3981999507e-3f, P2 = 8.3334519073e-3f,
        P3 = 4.1665795894e-2f, P4 = 1.6666665459e-1f, P5 = 5.0000001201e-1f;

    /// <summary>e = exp(−d·s) for one distance (d ≥ 0, s positive and finite).</summary>
    public static float Evaluate(int distance, float step)
    {
        float t = distance * step;
        if (t > LargestArgument) return 0f;
        float k = MathF.Round(t * Log2E, MidpointRounding.ToEven);
        float r = (k * Ln2Hi - t) + k * Ln2Lo;
        float p = (((((P0 * r + P1) * r + P2) * r + P3) * r + P4) * r + P5) * (r * r) + r + 1f;
        return p * BitConverter.Int32BitsToSingle(((int)-k + 127) << 23);
    }

    /// <summary>The same formula lane by lane, for distances held as (exact, integral) floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TVector Evaluate<TVector>(TVector distance, float step) where TVector : struct, IHostVector<TVector>
    {
        var t = distance * TVector.Create(step);
        var limit = TVector.Create(LargestArgument);
        var k = TVector.RoundToEven(TVector.Min(t, limit) * TVector.Create(Log2E));
        var r = (k * TVector.Create(Ln2Hi) - t) + k * TVector.Create(Ln2Lo);
        var p = (((((TVector.Create(P0) * r + TVector.Create(P1)) * r + TVector.Create(P2)) * r + TVector.Create(P3)) * r
            + TVector.Create(P4)) * r + TVector.Create(P5)) * (r * r) + r + TVector.Create(1f);
        return TVector.ZeroWhereAbove(p * TVector.PowerOfTwo(TVector.Create(0f) - k), t, limit);
    }
}
