using System.Buffers;
using System.Runtime.CompilerServices;
using Quasar.HwGen.Core.Numerics.HostOps.Simd;

namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// <see cref="Softmax"/> then <see cref="Quantizer"/> in one pass per row, equal bit for bit to the two ops one after
/// the other (docs/numerics.md §6.5, §6.7).
/// </summary>
public static class SoftmaxQuantize
{
    /// <summary>Scratch up to this many exponentials sits on the stack; more rents a pooled buffer.</summary>
    private const int StackColumns = 2048;

    /// <summary>
    /// Softmax and quantization of each row of <paramref name="scores"/> [rows × columns] (integer scores of step
    /// <paramref name="scoreStep"/>) into <paramref name="output"/> (step <paramref name="step"/>, range [min, max]).
    /// </summary>
    public static void Apply(ReadOnlySpan<short> scores, int columns, float scoreStep, float step, int min, int max, Span<sbyte> output,
        HostSimd simd = HostSimd.Auto)
    {
        HostKernelArguments.RequireStep(scoreStep, nameof(scoreStep));
        Apply(scores, columns, SoftmaxExponential.For(scoreStep), step, min, max, output, simd);
    }

    /// <summary>The same, with the exponential's tables for the scores' step built once by the caller (a runtime, per op).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(ReadOnlySpan<short> scores, int columns, SoftmaxExponential exponential, float step, int min, int max,
        Span<sbyte> output, HostSimd simd = HostSimd.Auto)
    {
        HostKernelArguments.RequireWholeRows(scores.Length, columns, nameof(scores));
        HostKernelArguments.RequireSameLength(scores.Length, output.Length);
        Quantizer.Validate(step, min, max);
        var resolved = HostSimdPaths.Resolve(simd);

        // With AVX-512 the row kernel serves the 256-bit width too (as the exponential lookups did before it: the same
        // bits, and its 16-lane table permutes are the fast part); it works on two rows at a time.
        bool twoRows = resolved is HostSimd.Vector256 or HostSimd.Vector512 && SoftmaxQuantizeRows512.IsSupported && SoftmaxQuantizeRows512.Applies(columns);
        int scratch = twoRows ? 2 * columns : columns;
        float[]? rented = scratch > StackColumns ? ArrayPool<float>.Shared.Rent(scratch) : null;
        try
        {
            var e = rented is null ? stackalloc float[scratch] : rented.AsSpan(0, scratch);
            if (twoRows)
            {
                SoftmaxQuantizeRows512.Apply(scores, columns, exponential, step, min, max, output, e);
                return;
            }
            for (int start = 0; start < scores.Length; start += columns)
            {
                var q = scores.Slice(start, columns);
                float sum = Softmax.Exponentials(q, Softmax.RowMax(q), exponential, e, resolved);
                var p = new Softmax.Probability(e, sum);
                ElementLoop.Quantize(ref p, step, min, max, output.Slice(start, columns), resolved, start);
            }
        }
        finally
        {
            if (rented is not null) ArrayPool<float>.Shared.Return(rented);
        }
    }
}
