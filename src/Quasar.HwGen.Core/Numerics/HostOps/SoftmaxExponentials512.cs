using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// Softmax's exponentials 16 lanes at a time with AVX-512: each table of <see cref="SoftmaxExponential"/> is held in two
/// (High: four) 512-bit registers and read with <c>vpermt2ps</c>, which uses the low 5 bits of each index, so a lookup
/// is one instruction instead of a gather or a polynomial. The same bits as <see cref="SoftmaxExponential.Evaluate"/>.
/// </summary>
internal static class SoftmaxExponentials512
{
    private const int Lanes = 16;

    public static bool IsSupported => Avx512F.IsSupported;

    /// <summary>
    /// e[i] for whole vectors of 16 and the last partial one, adding each e to lane i mod 8 of <paramref name="lanes"/>
    /// in increasing i (<see cref="LaneSum"/>). Returns the count of elements done: all of them, unless the row is
    /// shorter than 16.
    /// </summary>
    public static int Apply(ReadOnlySpan<short> q, int rowMax, SoftmaxExponential exponential, Span<float> e, Span<float> lanes) =>
        exponential.Horizon == ushort.MaxValue
            ? Apply<Unbounded>(q, rowMax, exponential, e, lanes)
            : Apply<Bounded>(q, rowMax, exponential, e, lanes);

    /// <summary>Whether some distance lies beyond the horizon: with small steps none does, and the clamp is skipped.</summary>
    internal interface IHorizon
    {
        static abstract bool Clamps { get; }
    }

    internal readonly struct Bounded : IHorizon
    {
        public static bool Clamps => true;
    }

    internal readonly struct Unbounded : IHorizon
    {
        public static bool Clamps => false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Apply<THorizon>(ReadOnlySpan<short> q, int rowMax, SoftmaxExponential exponential, Span<float> e, Span<float> lanes)
        where THorizon : struct, IHorizon
    {
        if (q.Length < Lanes) return 0;
        ref short scores = ref MemoryMarshal.GetReference(q);
        ref float target = ref MemoryMarshal.GetReference(e);
        // Locals, not a struct's fields: the JIT keeps them in registers across the loop.
        Vector512<float> low0 = Load(exponential.Low, 0), low1 = Load(exponential.Low, 16);
        Vector512<float> middle0 = Load(exponential.Middle, 0), middle1 = Load(exponential.Middle, 16);
        Vector512<float> high0 = Load(exponential.High, 0), high1 = Load(exponential.High, 16);
        Vector512<float> high2 = Load(exponential.High, 32), high3 = Load(exponential.High, 48);
        var horizon = Vector512.Create(exponential.Horizon);
        var max = Vector512.Create(rowMax);
        var sum = Vector256<float>.Zero;
        int i = 0;
        for (; i <= q.Length - Lanes; i += Lanes)
        {
            var distance = max - Avx512F.ConvertToVector512Int32(Vector256.LoadUnsafe(ref scores, (nuint)i));
            var values = Evaluate<THorizon>(distance, horizon, low0, low1, middle0, middle1, high0, high1, high2, high3);
            values.StoreUnsafe(ref target, (nuint)i);
            // Elements i … i+7 then i+8 … i+15 onto lanes 0 … 7: LaneSum's order, 16 at a time.
            sum += values.GetLower();
            sum += values.GetUpper();
        }
        sum.StoreUnsafe(ref lanes[0]);
        if (i == q.Length) return i;
        // The last 16 elements overlap the vector before; only those from i on are new.
        int start = q.Length - Lanes;
        Span<float> last = stackalloc float[Lanes];
        var lastDistance = max - Avx512F.ConvertToVector512Int32(Vector256.LoadUnsafe(ref scores, (nuint)start));
        Evaluate<THorizon>(lastDistance, horizon, low0, low1, middle0, middle1, high0, high1, high2, high3).StoreUnsafe(ref last[0]);
        for (; i < q.Length; i++) lanes[i % LaneSum.Lanes] += e[i] = last[i - start];
        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<float> Evaluate<THorizon>(Vector512<int> distance, Vector512<int> horizon,
        Vector512<float> low0, Vector512<float> low1, Vector512<float> middle0, Vector512<float> middle1,
        Vector512<float> high0, Vector512<float> high1, Vector512<float> high2, Vector512<float> high3)
        where THorizon : IHorizon
    {
        var clamped = THorizon.Clamps ? Vector512.Min(distance, horizon) : distance;
        var low = Avx512F.PermuteVar16x32x2(low0, clamped, low1);
        var middle = Avx512F.PermuteVar16x32x2(middle0, clamped >>> SoftmaxExponential.LowBits, middle1);
        var a = clamped >>> (SoftmaxExponential.LowBits + SoftmaxExponential.MiddleBits);
        var high = Vector512.ConditionalSelect(
            Vector512.GreaterThan(a, Vector512.Create(31)).AsSingle(),
            Avx512F.PermuteVar16x32x2(high2, a, high3),
            Avx512F.PermuteVar16x32x2(high0, a, high1));
        if (!THorizon.Clamps) return (high * middle) * low;
        return Vector512.ConditionalSelect(Vector512.GreaterThan(distance, horizon).AsSingle(),
            Vector512.Create(SoftmaxExponential.FloorBits).AsSingle(), (high * middle) * low);
    }

    internal static Vector512<float> Load(float[] table, int start) => Vector512.Create(table.AsSpan(start, Lanes));
}
