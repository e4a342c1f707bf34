namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>Keeps one row of a float tensor (the class token, row 0): a copy, no arithmetic.</summary>
public static class SelectRow
{
    public static void Apply(ReadOnlySpan<float> input, int columns, int row, Span<float> output)
    {
        HostKernelArguments.RequireWholeRows(input.Length, columns, nameof(input));
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, input.Length / columns);
        HostKernelArguments.RequireSameLength(columns, output.Length);
        input.Slice(row * columns, columns).CopyTo(output);
    }
}
