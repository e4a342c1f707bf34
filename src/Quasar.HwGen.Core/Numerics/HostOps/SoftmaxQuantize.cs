using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Quasar.HwGen.Core.Numerics.HostOps.Simd;

namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// <see cref="Softmax"/> then <see cref="Quantizer"/> in one pass per row, the exponentials looked up in a
/// <see cref="SoftmaxTable"/>: equal, bit for bit, to the two ops one after the other (docs/numerics.md §6.5).
/// </summary>
public static class SoftmaxQuantize
{
    /// <summary>Rows up to this long keep their exponentials on the stack; longer ones rent a pooled buffer.</summary>
    private const int StackColumns = 2048;

    /// <summary>Softmax and quantization of each row of <paramref name="scores"/> [rows × columns] into <paramref name="output"/>.</summary>
    public static void Apply(ReadOnlySpan<short> scores, int columns, SoftmaxTable table, float step, int min, int max, Span<sbyte> output,
        HostSimd simd = HostSimd.Auto)
    {
        ArgumentNullException.ThrowIfNull(table);
        HostKernelArguments.RequireWholeRows(scores.Length, columns, nameof(scores));
        HostKernelArguments.RequireSameLength(scores.Length, output.Length);
        Quantizer.Validate(step, min, max);
        var resolved = HostSimdPaths.Resolve(simd);

        float[]? rented = columns > StackColumns ? ArrayPool<float>.Shared.Rent(columns) : null;
        try
        {
            var e = rented is null ? stackalloc float[columns] : rented.AsSpan(0, columns);
            // max − q is in [0, 65535] for int16 scores: inside the table, so the lookups skip the bounds check.
            ref float exponentials = ref MemoryMarshal.GetReference(table.Values);
            for (int start = 0; start < scores.Length; start += columns)
            {
                var q = scores.Slice(start, columns);
                int rowMax = Softmax.RowMax(q);
                for (int c = 0; c < columns; c++) e[c] = Unsafe.Add(ref exponentials, rowMax - q[c]);
                var p = new Softmax.Quotient(e, LaneSum.Sum(e, resolved));
                ElementLoop.Quantize(ref p, step, min, max, output.Slice(start, columns), resolved, start);
            }
        }
        finally
        {
            if (rented is not null) ArrayPool<float>.Shared.Return(rented);
        }
    }
}
