namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>Which IR op a kernel op comes from; the values are QGV2's op kind byte (docs/kernel-layout.md §5).</summary>
public enum GemmOpKind : byte
{
    Linear = 0,
    AttentionScores = 1,
    AttentionContext = 2,
}
