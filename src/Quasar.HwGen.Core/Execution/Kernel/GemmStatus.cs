namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>The kernel's status (docs/kernel-layout.md §1); nonzero means nothing was written.</summary>
public static class GemmStatus
{
    public const int Ok = 0;

    /// <summary>k &gt; MAX_REDUCTION.</summary>
    public const int ReductionTooLong = 1;

    /// <summary>n &gt; MAX_ROWS with per-row tables.</summary>
    public const int TooManyRows = 2;

    /// <summary>out_bytes is neither 1 nor 2.</summary>
    public const int BadOutputBytes = 3;

    /// <summary>batches, m, n or k is not positive.</summary>
    public const int NonPositiveDimension = 4;

    /// <summary>
    /// Retired: v1's <c>b_col_stride</c> is not 1. The word kernel (docs/kernel-layout.md) has no B strides, so neither it
    /// nor <see cref="StridedGemm"/> returns it; the value stays reserved.
    /// </summary>
    public const int BNotUnitStride = 5;

    /// <summary>nibble_rows is outside [n, 2n]: it cannot count n rows of one or two nibble rows each.</summary>
    public const int NibbleRowsOutOfRange = 6;

    public static string Describe(int status) => status switch
    {
        Ok => "ok",
        ReductionTooLong => "k exceeds MAX_REDUCTION",
        TooManyRows => "n exceeds MAX_ROWS",
        BadOutputBytes => "out_bytes is neither 1 nor 2",
        NonPositiveDimension => "a dimension is not positive",
        BNotUnitStride => "b_col_stride is not 1 (a v1 status, retired)",
        NibbleRowsOutOfRange => "nibble_rows is outside [n, 2n]",
        _ => $"unknown status {status}",
    };
}
