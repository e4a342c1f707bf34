namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>
/// The engine geometry the word layout depends on (docs/kernel-layout.md §1): TM = <c>TILE_TOKENS</c> tokens per token
/// tile, TN = <c>TILE_ROWS</c> nibble rows per row tile, TK = <c>TILE_REDUCTION</c> reduction lanes per chunk. Words laid
/// out for one geometry mean nothing to an engine of another.
/// </summary>
public sealed record KernelGeometry(int TileTokens, int TileRows, int TileReduction)
{
    /// <summary>TM.</summary>
    public int TileTokens { get; } = Positive(TileTokens, nameof(TileTokens));

    /// <summary>TN.</summary>
    public int TileRows { get; } = Positive(TileRows, nameof(TileRows));

    /// <summary>TK.</summary>
    public int TileReduction { get; } = Positive(TileReduction, nameof(TileReduction));

    public override string ToString() => FormattableString.Invariant($"TM {TileTokens}, TN {TileRows}, TK {TileReduction}");

    private static int Positive(int value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, name);
        return value;
    }
}
