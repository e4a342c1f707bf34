using System.Numerics;

namespace Quasar.HwGen.Core.Numerics;

/// <summary>
/// The FPGA's output stage (docs/numerics.md §4), per output row <c>r</c>: <c>v = acc + bias[r]</c> (int32),
/// <c>p = (int64) v · M[r]</c>, <c>y = (p + 2^(S[r]−1)) >> S[r]</c> (round half up), <c>out = clamp(y, min, max)</c>.
/// Applies to an accumulator matrix [rows × N] whose row <c>t</c>, column <c>r</c> belongs to output row <c>r</c>.
/// </summary>
public sealed class OutputStage
{
    private readonly int[] _multipliers;
    private readonly int[] _shifts;
    private readonly int[] _bias;
    private readonly OutputStageVector.Parameters _vector;

    /// <summary>A stage with one multiplier, shift and bias per output row (all arrays of length N).</summary>
    public OutputStage(int[] multipliers, int[] shifts, int[] bias, int outputMin, int outputMax)
    {
        ArgumentNullException.ThrowIfNull(multipliers);
        ArgumentNullException.ThrowIfNull(shifts);
        ArgumentNullException.ThrowIfNull(bias);
        if (shifts.Length != multipliers.Length || bias.Length != multipliers.Length)
            throw new ArgumentException($"{multipliers.Length} multipliers, {shifts.Length} shifts and {bias.Length} biases: one of each per output row");
        for (int r = 0; r < shifts.Length; r++)
        {
            if (shifts[r] is < FixedPointMultiplier.MinShift or > FixedPointMultiplier.MaxShift)
                throw new ArgumentOutOfRangeException(nameof(shifts), shifts[r], $"shift of row {r} is outside [{FixedPointMultiplier.MinShift}, {FixedPointMultiplier.MaxShift}]");
        }
        if (outputMin > outputMax)
            throw new ArgumentException($"output range [{outputMin}, {outputMax}] is empty", nameof(outputMin));
        _multipliers = (int[])multipliers.Clone();
        _shifts = (int[])shifts.Clone();
        _bias = (int[])bias.Clone();
        OutputMin = outputMin;
        OutputMax = outputMax;
        _vector = new OutputStageVector.Parameters(_multipliers, _shifts, _bias);
    }

    /// <summary>Output rows (the GEMM's N), or 1 for a per-tensor stage, which applies to any N.</summary>
    public int Rows => _multipliers.Length;

    public int OutputMin { get; }

    public int OutputMax { get; }

    /// <summary>One factor for every row and no bias, as the attention matmuls have.</summary>
    public static OutputStage PerTensor(FixedPointMultiplier factor, int outputMin, int outputMax) =>
        new([factor.Multiplier], [factor.Shift], [0], outputMin, outputMax);

    /// <summary>A stage from one factor per output row.</summary>
    public static OutputStage PerRow(IReadOnlyList<FixedPointMultiplier> factors, int[] bias, int outputMin, int outputMax)
    {
        ArgumentNullException.ThrowIfNull(factors);
        return new OutputStage(factors.Select(f => f.Multiplier).ToArray(), factors.Select(f => f.Shift).ToArray(), bias, outputMin, outputMax);
    }

    /// <summary>The formula for one accumulator.</summary>
    public static int Requantize(int acc, int bias, int multiplier, int shift, int outputMin, int outputMax)
    {
        int v = unchecked(acc + bias);
        long p = (long)v * multiplier;
        long y = (p + (1L << (shift - 1))) >> shift;
        return (int)Math.Clamp(y, outputMin, outputMax);
    }

    /// <summary>Requantizes <paramref name="acc"/> to a 6-bit or 8-bit format.</summary>
    public void Apply(ReadOnlySpan<int> acc, Span<sbyte> output, bool vectorize = true)
    {
        RequireRange(sbyte.MinValue, sbyte.MaxValue, "sbyte");
        Apply<sbyte>(acc, output, vectorize);
    }

    /// <summary>Requantizes <paramref name="acc"/> to int16.</summary>
    public void Apply(ReadOnlySpan<int> acc, Span<short> output, bool vectorize = true)
    {
        RequireRange(short.MinValue, short.MaxValue, "short");
        Apply<short>(acc, output, vectorize);
    }

    /// <summary>True when <see cref="Apply(ReadOnlySpan{int}, Span{short}, bool)"/> has a vector loop on this CPU.</summary>
    public static bool IsVectorized => OutputStageVector.IsSupported;

    private void Apply<TOut>(ReadOnlySpan<int> acc, Span<TOut> output, bool vectorize)
        where TOut : unmanaged, IBinaryInteger<TOut>
    {
        if (output.Length != acc.Length)
            throw new ArgumentException($"output has {output.Length} elements, acc {acc.Length}", nameof(output));
        int n = Rows;
        if (n == 0 ? acc.Length != 0 : acc.Length % n != 0)
            throw new ArgumentException($"acc has {acc.Length} elements, not a whole number of rows of {n}", nameof(acc));
        if (n == 1)
        {
            // Per tensor: the whole matrix is one long row.
            ApplyRow(acc, output, vectorize);
            return;
        }
        for (int start = 0; start < acc.Length; start += n)
            ApplyRow(acc.Slice(start, n), output.Slice(start, n), vectorize);
    }

    /// <summary>One row of the accumulator matrix, or all of it for a per-tensor stage.</summary>
    private void ApplyRow<TOut>(ReadOnlySpan<int> acc, Span<TOut> output, bool vectorize)
        where TOut : unmanaged, IBinaryInteger<TOut>
    {
        int r = 0;
        if (vectorize && OutputStageVector.IsSupported)
            r = OutputStageVector.Apply(acc, output, _vector, OutputMin, OutputMax);
        bool perTensor = Rows == 1;
        for (; r < acc.Length; r++)
        {
            int row = perTensor ? 0 : r;
            output[r] = TOut.CreateTruncating(Requantize(acc[r], _bias[row], _multipliers[row], _shifts[row], OutputMin, OutputMax));
        }
    }

    private void RequireRange(int min, int max, string type)
    {
        if (OutputMin < min || OutputMax > max)
            throw new InvalidOperationException($"output range [{OutputMin}, {OutputMax}] does not fit {type}");
    }
}
