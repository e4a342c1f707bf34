using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Quasar.HwGen.Core.Numerics.HostOps.Simd;

namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// <see cref="SoftmaxQuantize"/> with AVX-512, every pass of a row 16 or 32 lanes wide and none of them scalar: the
/// exponential tables stay in registers for the whole op, and a row's last partial vector is one more vector (the
/// maximum and the quantize overlap the vector before; the sum shifts the new elements down and adds +0 for the rest,
/// which leaves every lane's partial sum unchanged). The same bits as the other paths (docs/numerics.md §6.5).
/// </summary>
internal static class SoftmaxQuantizeRows512
{
    private const int Lanes = 16;

    public static bool IsSupported => Avx512BW.IsSupported;

    /// <summary>Rows of at least 32 columns: the maximum reads 32 scores at a time.</summary>
    public static bool Applies(int columns) => columns >= 2 * Lanes;

    /// <summary>
    /// Every row of <paramref name="scores"/>; <paramref name="e"/> holds two rows' exponentials (the row being summed
    /// and the row being quantized).
    /// </summary>
    public static void Apply(ReadOnlySpan<short> scores, int columns, SoftmaxExponential exponential, float step, int min, int max,
        Span<sbyte> output, Span<float> e)
    {
        if (!Applies(columns) || e.Length < 2 * columns)
            throw new ArgumentException($"rows of {columns} columns with room for {e.Length}: needs at least {2 * Lanes} columns and room for two rows");
        if (exponential.Horizon == ushort.MaxValue) Rows<SoftmaxExponentials512.Unbounded>(scores, columns, exponential, step, min, max, output, e);
        else Rows<SoftmaxExponentials512.Bounded>(scores, columns, exponential, step, min, max, output, e);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Rows<THorizon>(ReadOnlySpan<short> scores, int columns, SoftmaxExponential exponential, float step, int min, int max,
        Span<sbyte> output, Span<float> e)
        where THorizon : struct, SoftmaxExponentials512.IHorizon
    {
        // Locals, not a struct's fields: the JIT keeps them in registers across both loops.
        Vector512<float> low0 = SoftmaxExponentials512.Load(exponential.Low, 0), low1 = SoftmaxExponentials512.Load(exponential.Low, 16);
        Vector512<float> middle0 = SoftmaxExponentials512.Load(exponential.Middle, 0), middle1 = SoftmaxExponentials512.Load(exponential.Middle, 16);
        Vector512<float> high0 = SoftmaxExponentials512.Load(exponential.High, 0), high1 = SoftmaxExponentials512.Load(exponential.High, 16);
        Vector512<float> high2 = SoftmaxExponentials512.Load(exponential.High, 32), high3 = SoftmaxExponentials512.Load(exponential.High, 48);
        var horizon = Vector512.Create(exponential.Horizon);
        var stepReciprocal = Vector512.Create(Quantizer.Reciprocal(step));
        Vector512<float> lower = Vector512.Create((float)min), upper = Vector512.Create((float)max);
        ref float exponentials = ref MemoryMarshal.GetReference(e);
        int whole = columns & ~(Lanes - 1), last = columns - Lanes;
        // Lane k of the row's partial tail is lane k + (whole − last) of the vector ending at the row's end; indices
        // past 15 pick the zero vector.
        var tailShift = Vector512<int>.Indices + Vector512.Create(whole - last);
        ref short first = ref MemoryMarshal.GetReference(scores);
        ref sbyte target = ref MemoryMarshal.GetReference(output);
        // Software-pipelined: row k's maximum and exponentials, then row k − 1's quantize. A row's quantize waits for
        // the end of its sum (one chain of dependent additions in LaneSum's order, then a division); issued a whole
        // row later, it finds its sum done and overlaps the next row's work instead of stalling.
        int rows = scores.Length / columns;
        var pendingSum = Vector256<float>.Zero;
        for (int k = 0; k <= rows; k++)
        {
            var sum = Vector256<float>.Zero;
            if (k < rows)
            {
                ref short row = ref Unsafe.Add(ref first, k * columns);
                ref float buffer = ref Unsafe.Add(ref exponentials, (k & 1) * columns);
                var rowMax = Vector512.Create(RowMax(ref row, columns));
                for (int i = 0; i < whole; i += Lanes)
                {
                    var values = SoftmaxExponentials512.Evaluate<THorizon>(rowMax - Widen(ref row, i), horizon, low0, low1, middle0, middle1, high0, high1, high2, high3);
                    values.StoreUnsafe(ref buffer, (nuint)i);
                    // Elements i … i+7 then i+8 … i+15 onto lanes 0 … 7: LaneSum's order, 16 at a time.
                    sum += values.GetLower();
                    sum += values.GetUpper();
                }
                if (whole < columns)
                {
                    var values = SoftmaxExponentials512.Evaluate<THorizon>(rowMax - Widen(ref row, last), horizon, low0, low1, middle0, middle1, high0, high1, high2, high3);
                    values.StoreUnsafe(ref buffer, (nuint)last);
                    var tail = Avx512F.PermuteVar16x32x2(values, tailShift, Vector512<float>.Zero);
                    sum += tail.GetLower();
                    sum += tail.GetUpper();
                }
            }
            if (k > 0)
            {
                Quantize(ref Unsafe.Add(ref exponentials, ((k - 1) & 1) * columns), pendingSum, columns, stepReciprocal, lower, upper,
                    ref Unsafe.Add(ref target, (k - 1) * columns));
            }
            pendingSum = sum;
        }
    }

    /// <summary>p = e · (1 / sum), then quantized, 16 at a time; the last vector overlaps the one before.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Quantize(ref float exponentials, Vector256<float> sum, int columns, Vector512<float> stepReciprocal,
        Vector512<float> lower, Vector512<float> upper, ref sbyte target)
    {
        var reciprocal = Vector512.Create(1f / new HostVector256(sum).CombineLanes());
        for (int i = 0; i < columns; i += Lanes)
        {
            int at = Math.Min(i, columns - Lanes);
            // Clamping before rounding equals rounding before clamping: the bounds are integers.
            var scaled = (Vector512.LoadUnsafe(ref exponentials, (nuint)at) * reciprocal) * stepReciprocal;
            var clamped = Vector512.MinNative(Vector512.MaxNative(scaled, lower), upper);
            Avx512F.ConvertToVector128SByte(Avx512F.ConvertToVector512Int32(clamped)).StoreUnsafe(ref target, (nuint)at);
        }
    }

    /// <summary>The row's largest score, 32 at a time (the last vector overlaps the one before; a maximum does not mind).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int RowMax(ref short row, int columns)
    {
        var lanes = Vector512.LoadUnsafe(ref row);
        for (int i = 2 * Lanes; i < columns; i += 2 * Lanes)
            lanes = Vector512.Max(lanes, Vector512.LoadUnsafe(ref row, (nuint)Math.Min(i, columns - 2 * Lanes)));
        var half = Vector256.Max(lanes.GetLower(), lanes.GetUpper());
        return Softmax.HorizontalMax(Vector128.Max(half.GetLower(), half.GetUpper()));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> Widen(ref short row, int index) => Avx512F.ConvertToVector512Int32(Vector256.LoadUnsafe(ref row, (nuint)index));
}
