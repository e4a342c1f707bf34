using System.Runtime.CompilerServices;
using Quasar.HwGen.Core.Numerics.HostOps.Simd;

namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// The exponential of softmax (docs/numerics.md §6.5): e ≈ exp(−d·s) for the distance d = row max − score (0 … 65535)
/// of integer scores with step s, in float32 from IEEE basic operations only, so that scalar code and every vector
/// width compute the same bits everywhere. Worked in base 2: v = −d·c with c = s·log₂e, k = round(v), e = 2^(v − k)·2^k,
/// 2^(v − k) a degree-6 Taylor polynomial evaluated in Estrin's order (a short dependency chain: the vector loop is
/// bound by latency, not by the number of operations). v is clamped at −125, so that e is never 0 nor subnormal (x64
/// cores take a slow microcode path for subnormals; 2⁻¹²⁵ is negligible next to the row's sum ≥ 1).
/// </summary>
public static class SoftmaxExponential
{
    /// <summary>The exponent v = −d·c is clamped here: e ≥ 0.7·2⁻¹²⁵, a normal float.</summary>
    public const float SmallestExponent = -125f;

    private const float Log2E = 1.44269504f; // 0x3FB8AA3B

    // ln2ⁿ / n!, rounded to float: 2^g = 1 + C1·g + … + C6·g⁶ within 1.2e-7 for |g| ≤ 1/2.
    private const float C1 = 0.693147182f, C2 = 0.240226507f, C3 = 0.0555041097f, C4 = 0.00961812865f,
        C5 = 0.00133335579f, C6 = 0.000154035297f;

    /// <summary>c = s·log₂e, the exponent per unit of distance (a float32 product).</summary>
    public static float Rate(float step) => step * Log2E;

    /// <summary>e = exp(−d·s) for one distance (d ≥ 0, s positive and finite).</summary>
    public static float Evaluate(int distance, float step) => EvaluateAtRate(distance, Rate(step));

    /// <summary>e for one distance, given <see cref="Rate"/> of the step.</summary>
    internal static float EvaluateAtRate(int distance, float rate)
    {
        float v = MathF.Max(-distance * rate, SmallestExponent);
        float k = MathF.Round(v, MidpointRounding.ToEven);
        float g = v - k;
        float g2 = g * g;
        float p = ((1f + C1 * g) + g2 * (C2 + C3 * g)) + (g2 * g2) * ((C4 + C5 * g) + g2 * C6);
        return p * BitConverter.Int32BitsToSingle(((int)k + 127) << 23);
    }

    /// <summary>The same formula lane by lane, for negated distances q − max held as (exact, integral) floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TVector Evaluate<TVector>(TVector negatedDistance, TVector rate) where TVector : struct, IHostVector<TVector>
    {
        var v = TVector.Max(negatedDistance * rate, TVector.Create(SmallestExponent));
        var k = TVector.RoundToEven(v);
        var g = v - k;
        var g2 = g * g;
        var p = ((TVector.Create(1f) + TVector.Create(C1) * g) + g2 * (TVector.Create(C2) + TVector.Create(C3) * g))
            + (g2 * g2) * ((TVector.Create(C4) + TVector.Create(C5) * g) + g2 * TVector.Create(C6));
        return p * TVector.PowerOfTwo(k);
    }
}
