using System.Runtime.InteropServices;
using Quasar.HwGen.Core.Numerics.HostOps.Simd;

namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// Row-wise softmax of integer scores with step s, in float32 (docs/numerics.md §6.5): per row, m = max q (exact),
/// e = <see cref="SoftmaxTable.Evaluate"/>(m − q, s), sum = Σe in the 8-lane order, p = e / sum. The unfused
/// reference of <see cref="SoftmaxQuantize"/>.
/// </summary>
public static class Softmax
{
    /// <summary>Softmax of each row of <paramref name="scores"/> [rows × columns] into <paramref name="output"/>.</summary>
    public static void Apply(ReadOnlySpan<short> scores, int columns, float step, Span<float> output, HostSimd simd = HostSimd.Auto)
    {
        HostKernelArguments.RequireWholeRows(scores.Length, columns, nameof(scores));
        HostKernelArguments.RequireSameLength(scores.Length, output.Length);
        HostKernelArguments.RequireStep(step, nameof(step));
        var resolved = HostSimdPaths.Resolve(simd);
        for (int start = 0; start < scores.Length; start += columns)
        {
            var q = scores.Slice(start, columns);
            var e = output.Slice(start, columns);
            int max = RowMax(q);
            for (int c = 0; c < columns; c++) e[c] = SoftmaxTable.Evaluate(max - q[c], step);
            var p = new Quotient(e, LaneSum.Sum(e, resolved));
            ElementLoop.ToFloat(ref p, e, resolved);
        }
    }

    /// <summary>The largest score of a row (an exact integer maximum, so no order matters).</summary>
    internal static int RowMax(ReadOnlySpan<short> row)
    {
        int max = short.MinValue;
        foreach (short q in row) max = Math.Max(max, q);
        return max;
    }

    /// <summary>p = e / sum, a float32 division per element.</summary>
    internal readonly ref struct Quotient(ReadOnlySpan<float> exponentials, float sum) : IElementMap
    {
        private readonly ReadOnlySpan<float> _e = exponentials;

        public float Scalar(int index) => _e[index] / sum;

        public TVector Vector<TVector>(int index) where TVector : struct, IHostVector<TVector> =>
            TVector.Load(in MemoryMarshal.GetReference(_e), (nuint)index) / TVector.Create(sum);
    }
}
