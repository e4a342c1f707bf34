namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>The bits of the kernel's <c>flags</c> argument (docs/hls-engine.md §1).</summary>
public static class GemmFlags
{
    /// <summary>QUASAR_PER_TENSOR: no bias, <c>multiplier[0]</c> and <c>shift[0]</c> for every column; the tables hold one entry.</summary>
    public const int PerTensor = 1;

    /// <summary>QUASAR_ALL_8BIT: every B row is 8-bit; <c>row_is8</c> is read but ignored.</summary>
    public const int All8Bit = 2;
}
