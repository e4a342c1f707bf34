namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>
/// One logical kernel call (docs/hls-engine.md §1): dimensions, the strides of the logical A, B and output arrays (in
/// elements), the output stage and the flags, in the order of the v1 signature. The word kernel takes
/// <see cref="KernelWordCall"/> instead, derived from this by <see cref="KernelWordLayout"/>, which reads the arrays
/// through these strides.
/// </summary>
public readonly record struct GemmCall(
    int Batches,
    int M,
    int N,
    int K,
    int ABatchStride,
    int ARowStride,
    int BBatchStride,
    int BRowStride,
    int BColStride,
    int OutBatchStride,
    int OutRowStride,
    int OutBytes,
    int OutMin,
    int OutMax,
    int Flags)
{
    /// <summary>How many scalars a logical call has.</summary>
    public const int ScalarCount = 15;

    /// <summary>The scalars' names, as the v1 C++ parameters were called.</summary>
    public static IReadOnlyList<string> ScalarNames { get; } =
    [
        "batches", "m", "n", "k",
        "a_batch_stride", "a_row_stride",
        "b_batch_stride", "b_row_stride", "b_col_stride",
        "out_batch_stride", "out_row_stride", "out_bytes",
        "out_min", "out_max", "flags",
    ];

    public bool PerTensor => (Flags & GemmFlags.PerTensor) != 0;

    public bool All8Bit => (Flags & GemmFlags.All8Bit) != 0;

    /// <summary>Entries of the row tables (row_is8, bias, multiplier, shift): 1 per tensor, else N.</summary>
    public int TableRows => PerTensor ? 1 : N;

    /// <summary>Output elements the call writes: batches × m × n.</summary>
    public long OutputElements => (long)Batches * M * N;

    /// <summary>The scalars in signature order.</summary>
    public int[] ToArray() =>
        [Batches, M, N, K, ABatchStride, ARowStride, BBatchStride, BRowStride, BColStride, OutBatchStride, OutRowStride, OutBytes, OutMin, OutMax, Flags];

    /// <summary>The inverse of <see cref="ToArray"/>.</summary>
    public static GemmCall FromArray(ReadOnlySpan<int> s)
    {
        if (s.Length != ScalarCount) throw new ArgumentException($"a call has {ScalarCount} scalars, got {s.Length}", nameof(s));
        return new GemmCall(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10], s[11], s[12], s[13], s[14]);
    }
}
