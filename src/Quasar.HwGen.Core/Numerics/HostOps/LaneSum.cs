using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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

    /// <summary>True when <see cref="SumQuad"/> applies: 256- or 512-bit vectors and rows of whole groups of 8.</summary>
    internal static bool QuadsApply(int length, HostSimd resolved) => resolved is HostSimd.Vector256 or HostSimd.Vector512 && length % Lanes == 0;

    /// <summary>
    /// Σ of each of four rows, each in the 8-lane order, in one loop (see <see cref="QuadsApply"/>): a row's sum is one
    /// chain of dependent additions, so four chains in one loop run in the latency of one.
    /// </summary>
    internal static Vector128<float> SumQuad(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, ReadOnlySpan<float> d) =>
        WholeGroupsQuad256(a, new Identity(), b, new Identity(), c, new Identity(), d, new Identity());

    /// <summary>Σ (x[i] − mean)² of each of four rows with its own mean, each in the 8-lane order, in one loop.</summary>
    internal static Vector128<float> SumOfSquaredDeviationsQuad(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c,
        ReadOnlySpan<float> d, Vector128<float> means) =>
        WholeGroupsQuad256(a, new SquaredDeviation(means[0]), b, new SquaredDeviation(means[1]), c, new SquaredDeviation(means[2]),
            d, new SquaredDeviation(means[3]));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Vector128<float> WholeGroupsQuad256<TTerm>(ReadOnlySpan<float> a, TTerm termA, ReadOnlySpan<float> b, TTerm termB,
        ReadOnlySpan<float> c, TTerm termC, ReadOnlySpan<float> d, TTerm termD)
        where TTerm : struct, ITerm
    {
        int n = a.Length;
        if (b.Length != n || c.Length != n || d.Length != n || n % Lanes != 0)
        {
            throw new ArgumentException(
                $"rows of {a.Length}, {b.Length}, {c.Length} and {d.Length}: a quad needs four rows of one length in whole groups of {Lanes}");
        }
        ref float rowA = ref MemoryMarshal.GetReference(a), rowB = ref MemoryMarshal.GetReference(b);
        ref float rowC = ref MemoryMarshal.GetReference(c), rowD = ref MemoryMarshal.GetReference(d);
        HostVector256 sumA = HostVector256.Create(0), sumB = HostVector256.Create(0), sumC = HostVector256.Create(0), sumD = HostVector256.Create(0);
        for (int i = 0; i < n; i += Lanes)
        {
            sumA += termA.Of(HostVector256.Load(in rowA, (nuint)i));
            sumB += termB.Of(HostVector256.Load(in rowB, (nuint)i));
            sumC += termC.Of(HostVector256.Load(in rowC, (nuint)i));
            sumD += termD.Of(HostVector256.Load(in rowD, (nuint)i));
        }
        return Vector128.Create(sumA.CombineLanes(), sumB.CombineLanes(), sumC.CombineLanes(), sumD.CombineLanes());
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
