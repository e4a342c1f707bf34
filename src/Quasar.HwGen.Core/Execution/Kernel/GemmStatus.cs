namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>The kernel's return value (docs/hls-engine.md §1); nonzero means nothing was written.</summary>
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

    /// <summary>b_col_stride is not 1: B must be row-contiguous (<see cref="KernelOperandLayout"/>), so the kernel reads it in bursts.</summary>
    public const int BNotUnitStride = 5;

    public static string Describe(int status) => status switch
    {
        Ok => "ok",
        ReductionTooLong => "k exceeds MAX_REDUCTION",
        TooManyRows => "n exceeds MAX_ROWS",
        BadOutputBytes => "out_bytes is neither 1 nor 2",
        NonPositiveDimension => "a dimension is not positive",
        BNotUnitStride => "b_col_stride is not 1",
        _ => $"unknown status {status}",
    };
}
