namespace Quasar.Runtime.Xrt;

/// <summary>The argument indices of <c>quasar_gemm</c> (hls-templates/include/quasar/gemm_interface.h), as XRT numbers them.</summary>
internal static class XrtKernelArguments
{
    public const int A = 0;
    public const int Weights = 1;
    public const int Rows = 2;
    public const int Out0 = 3;
    public const int Out1 = 4;

    /// <summary>batches, m, n, k, nibble_rows, out_bytes, out_min, out_max, flags: <see cref="Quasar.HwGen.Core.Execution.Kernel.KernelWordCall.ToArray"/>.</summary>
    public const int FirstScalar = 5;

    /// <summary>The output scalar: 0 ok, else the refusal (<see cref="Quasar.HwGen.Core.Execution.Kernel.GemmStatus"/>).</summary>
    public const int Status = 14;
}
