using Quasar.HwGen.Hardware.Constants;

namespace Quasar.HwGen.Hardware.Engine;

/// <summary>
/// One array of the kernel as its partitioning pragmas split it: <see cref="Banks"/> separate memories of
/// <see cref="Depth"/> words of <see cref="WidthBits"/>, each a column of RAMB18E2s in the shape that needs the fewest
/// (UG573). Vivado may move a bank of a few hundred bits to LUT-RAM instead; only its report tells.
/// </summary>
public sealed record OnChipMemory(string Name, int Banks, long Depth, int WidthBits)
{
    public long Bits => (long)Banks * Depth * WidthBits;

    public int Bram18 => checked(Banks * BlocksPerBank(Depth, WidthBits));

    /// <summary>RAMB18E2s for one bank of <paramref name="depth"/> words of <paramref name="widthBits"/>: the best of the block's shapes.</summary>
    public static int BlocksPerBank(long depth, int widthBits)
    {
        if (depth <= 0 || widthBits <= 0) return 0;
        long best = long.MaxValue;
        foreach (var (width, shapeDepth) in Zcu102Constants.Bram18Shapes)
            best = Math.Min(best, (long)CeilDiv(widthBits, width) * ((depth + shapeDepth - 1) / shapeDepth));
        return checked((int)best);
    }

    private static int CeilDiv(int a, int b) => (a + b - 1) / b;
}
