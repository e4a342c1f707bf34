namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>Which IR op a kernel op comes from; the values are QGV1's op kind byte (docs/hls-engine.md §4).</summary>
public enum GemmOpKind : byte
{
    Linear = 0,
    AttentionScores = 1,
    AttentionContext = 2,
}
