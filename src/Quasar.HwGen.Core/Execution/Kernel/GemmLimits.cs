namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>The compile-time bounds of one engine build: MAX_REDUCTION and MAX_ROWS (docs/hls-engine.md §2).</summary>
public sealed record GemmLimits(int MaxReduction, int MaxRows)
{
    /// <summary>No bounds: what the C# emulation serves.</summary>
    public static GemmLimits Unbounded { get; } = new(int.MaxValue, int.MaxValue);
}
