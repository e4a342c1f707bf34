namespace Quasar.HwGen.Core.Numerics;

/// <summary>
/// The two-nibble form of an 8-bit weight (docs/numerics.md §2): <c>h = w >> 4</c> (signed, [−8, 7]),
/// <c>l = w &amp; 0xF</c> (unsigned, [0, 15]), and <c>w = 16·h + l</c> for every int8 <c>w</c>.
/// </summary>
public static class NibbleSplit
{
    /// <summary>The signed high nibble, <c>w >> 4</c> (arithmetic shift).</summary>
    public static sbyte High(sbyte w) => (sbyte)(w >> 4);

    /// <summary>The unsigned low nibble, <c>w &amp; 0xF</c>.</summary>
    public static byte Low(sbyte w) => (byte)(w & 0xF);

    /// <summary>Both nibbles of <paramref name="w"/>.</summary>
    public static (sbyte High, byte Low) Split(sbyte w) => (High(w), Low(w));

    /// <summary>Reassembles <c>16·h + l</c>.</summary>
    public static sbyte Join(sbyte high, byte low) => (sbyte)((high << 4) + low);
}
