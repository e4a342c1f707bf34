namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>What a slot of a weight tile holds (docs/kernel-layout.md §3); the values are the header's 2-bit codes.</summary>
public enum NibbleKind : byte
{
    /// <summary>No row: the last tile's unused slots.</summary>
    Empty = 0,

    /// <summary>A 4-bit row, complete in one nibble row.</summary>
    Row4 = 1,

    /// <summary>The signed high nibbles of an 8-bit row; its LOW slot follows.</summary>
    High = 2,

    /// <summary>The unsigned low nibbles of an 8-bit row, which complete it.</summary>
    Low = 3,
}
