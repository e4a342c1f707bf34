namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>
/// The scalar arguments of one call of the word kernel (docs/kernel-layout.md §1), in signature order: the logical
/// call's dimensions and output stage, plus N' = <see cref="NibbleRows"/>. No strides: the words are laid out densely.
/// </summary>
public readonly record struct KernelWordCall(
    int Batches,
    int M,
    int N,
    int K,
    int NibbleRows,
    int OutBytes,
    int OutMin,
    int OutMax,
    int Flags)
{
    /// <summary>How many scalars the kernel signature has (and QGV2 stores per op).</summary>
    public const int ScalarCount = 9;

    /// <summary>The C++ parameter names, in signature order.</summary>
    public static IReadOnlyList<string> ScalarNames { get; } =
        ["batches", "m", "n", "k", "nibble_rows", "out_bytes", "out_min", "out_max", "flags"];

    public bool PerTensor => (Flags & GemmFlags.PerTensor) != 0;

    public bool All8Bit => (Flags & GemmFlags.All8Bit) != 0;

    /// <summary>E: words of <c>rows</c>, 1 per tensor, else N.</summary>
    public int TableRows => PerTensor ? 1 : N;

    /// <summary>The word call of a logical call whose rows are 8-bit as <paramref name="rowIs8"/> says (ignored with ALL_8BIT).</summary>
    public static KernelWordCall From(in GemmCall call, ReadOnlySpan<byte> rowIs8) =>
        new(call.Batches, call.M, call.N, call.K, NibbleRowTiling.CountNibbleRows(call, rowIs8), call.OutBytes, call.OutMin, call.OutMax, call.Flags);

    /// <summary>The scalars in signature order.</summary>
    public int[] ToArray() => [Batches, M, N, K, NibbleRows, OutBytes, OutMin, OutMax, Flags];

    /// <summary>The inverse of <see cref="ToArray"/>.</summary>
    public static KernelWordCall FromArray(ReadOnlySpan<int> s)
    {
        if (s.Length != ScalarCount) throw new ArgumentException($"a word call has {ScalarCount} scalars, got {s.Length}", nameof(s));
        return new KernelWordCall(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8]);
    }
}
