namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>Row-wise softmax in float32 (docs/numerics.md §6): subtract the row max, exp, divide by the sum.</summary>
public static class Softmax
{
    /// <summary>Softmax of each row of <paramref name="input"/> [rows × columns]; <paramref name="output"/> may be <paramref name="input"/>.</summary>
    public static void Apply(ReadOnlySpan<float> input, int columns, Span<float> output)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if (input.Length % columns != 0)
            throw new ArgumentException($"input has {input.Length} elements, not a whole number of rows of {columns}", nameof(input));
        if (output.Length != input.Length)
            throw new ArgumentException($"output has {output.Length} elements, input {input.Length}", nameof(output));

        for (int start = 0; start < input.Length; start += columns)
        {
            var x = input.Slice(start, columns);
            var y = output.Slice(start, columns);
            float max = float.NegativeInfinity;
            for (int c = 0; c < columns; c++) max = MathF.Max(max, x[c]);
            float sum = 0;
            for (int c = 0; c < columns; c++)
            {
                y[c] = MathF.Exp(x[c] - max);
                sum += y[c];
            }
            for (int c = 0; c < columns; c++) y[c] /= sum;
        }
    }
}
