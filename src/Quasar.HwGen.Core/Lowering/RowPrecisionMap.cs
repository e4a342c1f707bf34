namespace Quasar.HwGen.Core.Lowering;

/// <summary>Which rows of a weight matrix are 8-bit.</summary>
public static class RowPrecisionMap
{
    /// <summary>The first round(ratio·rows) rows 8-bit (half away from zero), the rest 4-bit: the entangled supernet's
    /// 8-bit region sits at the top of each weight block.</summary>
    public static bool[] Leading(int rows, double ratio)
    {
        if (ratio is < 0 or > 1 || double.IsNaN(ratio)) throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "an 8-bit row ratio is in [0, 1]");
        int eightBit = (int)Math.Round(ratio * rows, MidpointRounding.AwayFromZero);
        var map = new bool[rows];
        map.AsSpan(0, eightBit).Fill(true);
        return map;
    }
}
