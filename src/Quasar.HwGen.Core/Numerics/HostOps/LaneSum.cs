using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Quasar.HwGen.Core.Numerics.HostOps.Simd;

namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// The one float32 summation order of the host ops (docs/numerics.md §6.1), whatever the vector width: lane j of 8
/// adds the terms of elements i ≡ j (mod 8) in increasing i, starting from +0; then
/// <c>((s0 + s4) + (s2 + s6)) + ((s1 + s5) + (s3 + s7))</c>. A 256-bit register holds the 8 lanes exactly, a
/// 128-bit path uses two registers, and the 512-bit path reduces with 256 bits.
/// </summary>
public static class LaneSum
{
    public const int Lanes = 8;

    /// <summary>Σ values[i] in the 8-lane order.</summary>
    public static float Sum(ReadOnlySpan<float> values, HostSimd simd = HostSimd.Auto) =>
        Accumulate(values, new Identity(), HostSimdPaths.Resolve(simd));

    /// <summary>Σ (values[i] − mean)² in the 8-lane order (each term one subtraction and one multiplication).</summary>
    public static float SumOfSquaredDeviations(ReadOnlySpan<float> values, float mean, HostSimd simd = HostSimd.Auto) =>
        Accumulate(values, new SquaredDeviation(mean), HostSimdPaths.Resolve(simd));

    /// <summary>Combines 8 lane sums: upper half onto lower half, three times.</summary>
    public static float Combine(ReadOnlySpan<float> lanes)
    {
        if (lanes.Length != Lanes) throw new ArgumentException($"{lanes.Length} lanes, {Lanes} expected", nameof(lanes));
        return ((lanes[0] + lanes[4]) + (lanes[2] + lanes[6])) + ((lanes[1] + lanes[5]) + (lanes[3] + lanes[7]));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static float Accumulate<TTerm>(ReadOnlySpan<float> values, TTerm term, HostSimd resolved)
        where TTerm : struct, ITerm
    {
        if (resolved is HostSimd.Vector256 or HostSimd.Vector512 && values.Length % Lanes == 0) return WholeGroups256(values, term);
        Span<float> lanes = stackalloc float[Lanes];
        int i = resolved switch
        {
            HostSimd.Vector128 => TwoVectors128(values, term, lanes),
            HostSimd.Vector256 or HostSimd.Vector512 => OneVector256(values, term, lanes),
            _ => EightScalars(values, term, lanes),
        };
        for (; i < values.Length; i++) lanes[i % Lanes] += term.Of(values[i]);
        return Combine(lanes);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int EightScalars<TTerm>(ReadOnlySpan<float> values, TTerm term, Span<float> lanes) where TTerm : struct, ITerm
    {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i <= values.Length - Lanes; i += Lanes)
        {
            s0 += term.Of(values[i]);
            s1 += term.Of(values[i + 1]);
            s2 += term.Of(values[i + 2]);
            s3 += term.Of(values[i + 3]);
            s4 += term.Of(values[i + 4]);
            s5 += term.Of(values[i + 5]);
            s6 += term.Of(values[i + 6]);
            s7 += term.Of(values[i + 7]);
        }
        (lanes[0], lanes[1], lanes[2], lanes[3], lanes[4], lanes[5], lanes[6], lanes[7]) = (s0, s1, s2, s3, s4, s5, s6, s7);
        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int TwoVectors128<TTerm>(ReadOnlySpan<float> values, TTerm term, Span<float> lanes) where TTerm : struct, ITerm
    {
        ref float source = ref MemoryMarshal.GetReference(values);
        HostVector128 low = HostVector128.Create(0), high = HostVector128.Create(0);
        int i = 0;
        for (; i <= values.Length - Lanes; i += Lanes)
        {
            low += term.Of(HostVector128.Load(in source, (nuint)i));
            high += term.Of(HostVector128.Load(in source, (nuint)i + 4));
        }
        low.Store(ref lanes[0], 0);
        high.Store(ref lanes[0], 4);
        return i;
    }

    /// <summary>True when <see cref="SumPair"/> applies: 256- or 512-bit vectors and rows of whole groups of 8.</summary>
    internal static bool PairsApply(int length, HostSimd resolved) => resolved is HostSimd.Vector256 or HostSimd.Vector512 && length % Lanes == 0;

    /// <summary>Σ a[i] and Σ b[i], each in the 8-lane order, in one loop (see <see cref="PairsApply"/>).</summary>
    internal static (float, float) SumPair(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => WholeGroupsPair256(a, new Identity(), b, new Identity());

    /// <summary>Σ (a[i] − meanA)² and Σ (b[i] − meanB)², each in the 8-lane order, in one loop (see <see cref="PairsApply"/>).</summary>
    internal static (float, float) SumOfSquaredDeviationsPair(ReadOnlySpan<float> a, float meanA, ReadOnlySpan<float> b, float meanB) =>
        WholeGroupsPair256(a, new SquaredDeviation(meanA), b, new SquaredDeviation(meanB));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (float, float) WholeGroupsPair256<TTerm>(ReadOnlySpan<float> a, TTerm termA, ReadOnlySpan<float> b, TTerm termB)
        where TTerm : struct, ITerm
    {
        if (a.Length != b.Length || a.Length % Lanes != 0) throw new ArgumentException($"rows of {a.Length} and {b.Length}: a pair needs two rows of whole groups of {Lanes}");
        ref float first = ref MemoryMarshal.GetReference(a);
        ref float second = ref MemoryMarshal.GetReference(b);
        HostVector256 sumA = HostVector256.Create(0), sumB = HostVector256.Create(0);
        for (int i = 0; i < a.Length; i += Lanes)
        {
            sumA += termA.Of(HostVector256.Load(in first, (nuint)i));
            sumB += termB.Of(HostVector256.Load(in second, (nuint)i));
        }
        return (sumA.CombineLanes(), sumB.CombineLanes());
    }

    /// <summary>A row of whole groups of 8 (every model's width): the lanes stay in one register, combined there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float WholeGroups256<TTerm>(ReadOnlySpan<float> values, TTerm term) where TTerm : struct, ITerm
    {
        ref float source = ref MemoryMarshal.GetReference(values);
        var sum = HostVector256.Create(0);
        for (int i = 0; i < values.Length; i += Lanes) sum += term.Of(HostVector256.Load(in source, (nuint)i));
        return sum.CombineLanes();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int OneVector256<TTerm>(ReadOnlySpan<float> values, TTerm term, Span<float> lanes) where TTerm : struct, ITerm
    {
        ref float source = ref MemoryMarshal.GetReference(values);
        var sum = HostVector256.Create(0);
        int i = 0;
        for (; i <= values.Length - Lanes; i += Lanes) sum += term.Of(HostVector256.Load(in source, (nuint)i));
        sum.Store(ref lanes[0], 0);
        return i;
    }

    /// <summary>What is summed for each element, as a scalar and per vector lane (the same operations).</summary>
    internal interface ITerm
    {
        float Of(float x);

        TVector Of<TVector>(TVector x) where TVector : struct, IHostVector<TVector>;
    }

    private readonly struct Identity : ITerm
    {
        public float Of(float x) => x;

        public TVector Of<TVector>(TVector x) where TVector : struct, IHostVector<TVector> => x;
    }

    private readonly struct SquaredDeviation(float mean) : ITerm
    {
        public float Of(float x)
        {
            float d = x - mean;
            return d * d;
        }

        public TVector Of<TVector>(TVector x) where TVector : struct, IHostVector<TVector>
        {
            var d = x - TVector.Create(mean);
            return d * d;
        }
    }
}
