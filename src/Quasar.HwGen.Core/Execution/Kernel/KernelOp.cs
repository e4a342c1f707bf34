namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>
/// One FPGA op of the IR as the kernel sees it (docs/hls-engine.md §1): the call scalars, the right operand when it is
/// constant (a linear's weights; attention takes B per call from a tensor), and the row tables of the output stage.
/// </summary>
/// <param name="Name">The IR op's name.</param>
/// <param name="Output">The IR tensor the call writes.</param>
/// <param name="Weights">B for a linear (n × k, row-major); empty for attention, whose B is a per-image tensor.</param>
/// <param name="RowIs8">Per table row: 1 for an 8-bit B row, 0 for 4-bit (the kernel's <c>row_is8</c>).</param>
public sealed record KernelOp(
    string Name,
    string Output,
    GemmOpKind Kind,
    GemmCall Call,
    sbyte[] Weights,
    byte[] RowIs8,
    int[] Bias,
    int[] Multiplier,
    byte[] Shift)
{
    /// <summary>True when B is passed with every call (attention) rather than held by the op (linear weights).</summary>
    public bool TakesBPerCall => Kind != GemmOpKind.Linear;
}
