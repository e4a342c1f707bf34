using Quasar.HwGen.Core.Execution.Kernel;

namespace Quasar.HwGen.Codegen.Golden;

/// <summary>
/// One FPGA op of a QGV2 file (docs/kernel-layout.md §5): its word-call scalars, its weight stream (a linear's; empty for
/// attention, whose stream comes with each call) and its <c>rows</c> words.
/// </summary>
/// <param name="Name">The IR op's name.</param>
/// <param name="Output">The IR tensor the call writes.</param>
public sealed record GoldenOp(string Name, string Output, GemmOpKind Kind, KernelWordCall Call, UInt128[] W, UInt128[] Rows)
{
    /// <summary>True when w comes with every call (attention) rather than with the op (linear weights).</summary>
    public bool TakesWPerCall => Kind != GemmOpKind.Linear;
}
