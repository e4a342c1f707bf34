using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Quasar.HwGen.Core.Numerics.HostOps.Simd;

namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// Row-wise softmax of integer scores with step s, in float32 (docs/numerics.md §6.5): per row, m = max q (exact),
/// e = <see cref="SoftmaxExponential.Evaluate(int)"/>(m − q), sum = Σe in the 8-lane order, p = e · (1 / sum).
/// The unfused reference of <see cref="SoftmaxQuantize"/>.
/// </summary>
public static class Softmax
{
    /// <summary>Softmax of each row of <paramref name="scores"/> [rows × columns] into <paramref name="output"/>.</summary>
    public static void Apply(ReadOnlySpan<short> scores, int columns, float step, Span<float> output, HostSimd simd = HostSimd.Auto) =>
        Apply(scores, columns, SoftmaxExponential.For(step), output, simd);

    /// <summary>Softmax of each row, with the exponential's tables of the scores' step built beforehand.</summary>
    public static void Apply(ReadOnlySpan<short> scores, int columns, SoftmaxExponential exponential, Span<float> output, HostSimd simd = HostSimd.Auto)
    {
        HostKernelArguments.RequireWholeRows(scores.Length, columns, nameof(scores));
        HostKernelArguments.RequireSameLength(scores.Length, output.Length);
        var resolved = HostSimdPaths.Resolve(simd);
        for (int start = 0; start < scores.Length; start += columns)
        {
            var q = scores.Slice(start, columns);
            var e = output.Slice(start, columns);
            var p = new Probability(e, Exponentials(q, RowMax(q), exponential, e, resolved));
            ElementLoop.ToFloat(ref p, e, resolved);
        }
    }

    /// <summary>The largest score of a row (an exact integer maximum, so no order or vector width matters).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int RowMax(ReadOnlySpan<short> row)
    {
        int i = 0;
        int max = short.MinValue;
        if (Vector256.IsHardwareAccelerated && row.Length >= Vector256<short>.Count)
        {
            ref short first = ref MemoryMarshal.GetReference(row);
            var lanes = Vector256.Create(short.MinValue);
            for (; i <= row.Length - Vector256<short>.Count; i += Vector256<short>.Count)
                lanes = Vector256.Max(lanes, Vector256.LoadUnsafe(ref first, (nuint)i));
            // The rest as the last whole vector, overlapping the one before: a maximum does not mind seeing an element twice.
            if (i < row.Length) lanes = Vector256.Max(lanes, Vector256.LoadUnsafe(ref first, (nuint)(row.Length - Vector256<short>.Count)));
            i = row.Length;
            max = HorizontalMax(Vector128.Max(lanes.GetLower(), lanes.GetUpper()));
        }
        else if (Vector128.IsHardwareAccelerated && row.Length >= Vector128<short>.Count)
        {
            ref short first = ref MemoryMarshal.GetReference(row);
            var lanes = Vector128.Create(short.MinValue);
            for (; i <= row.Length - Vector128<short>.Count; i += Vector128<short>.Count)
                lanes = Vector128.Max(lanes, Vector128.LoadUnsafe(ref first, (nuint)i));
            if (i < row.Length) lanes = Vector128.Max(lanes, Vector128.LoadUnsafe(ref first, (nuint)(row.Length - Vector128<short>.Count)));
            i = row.Length;
            max = HorizontalMax(lanes);
        }
        for (; i < row.Length; i++) max = Math.Max(max, row[i]);
        return max;
    }

    /// <summary>The largest of 8 lanes in three shuffle-and-max steps instead of 8 extractions.</summary>
    internal static int HorizontalMax(Vector128<short> lanes)
    {
        lanes = Vector128.Max(lanes, Vector128.Shuffle(lanes, Vector128.Create((short)4, 5, 6, 7, 0, 1, 2, 3)));
        lanes = Vector128.Max(lanes, Vector128.Shuffle(lanes, Vector128.Create((short)2, 3, 0, 1, 2, 3, 0, 1)));
        return Vector128.Max(lanes, Vector128.Shuffle(lanes, Vector128.Create((short)1, 0, 1, 0, 1, 0, 1, 0))).ToScalar();
    }

    /// <summary>
    /// e[c] = exp(−(rowMax − q[c])·s) for every column (<see cref="SoftmaxExponential"/>), and Σe in the order of
    /// <see cref="LaneSum"/>. The three tables sit in registers with AVX-512 (at the 256- and 512-bit widths, 16 lanes
    /// at a time) and with NEON (the 128-bit width on arm64, 4 lanes); every other path looks them up one at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static float Exponentials(ReadOnlySpan<short> q, int rowMax, SoftmaxExponential exponential, Span<float> e, HostSimd resolved)
    {
        Span<float> lanes = stackalloc float[LaneSum.Lanes];
        int i = resolved switch
        {
            HostSimd.Vector256 or HostSimd.Vector512 when SoftmaxExponentials512.IsSupported => SoftmaxExponentials512.Apply(q, rowMax, exponential, e, lanes),
            HostSimd.Vector128 when SoftmaxExponentialsNeon.IsSupported => SoftmaxExponentialsNeon.Apply(q, rowMax, exponential, e, lanes),
            _ => 0,
        };
        for (; i < q.Length; i++) lanes[i % LaneSum.Lanes] += e[i] = exponential.Evaluate(rowMax - q[i]);
        return LaneSum.Combine(lanes);
    }

    /// <summary>p = e · (1 / sum): one float32 division per row, a multiply per element.</summary>
    internal readonly ref struct Probability(ReadOnlySpan<float> exponentials, float sum) : IElementMap
    {
        private readonly ReadOnlySpan<float> _e = exponentials;
        private readonly float _reciprocal = 1f / sum;

        /// <summary>e ∈ (0, 1] and sum ≥ 1 (the row's maximum contributes E(0) = 1), so p is finite.</summary>
        public static bool NeverNaN => true;

        public float Scalar(int index) => _e[index] * _reciprocal;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVector Vector<TVector>(int index) where TVector : struct, IHostVector<TVector> =>
            TVector.Load(in MemoryMarshal.GetReference(_e), (nuint)index) * TVector.Create(_reciprocal);
    }
}
