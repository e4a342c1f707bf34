namespace Quasar.HwGen.Core.Numerics;

/// <summary>The integer ranges of the operand formats (docs/numerics.md §1).</summary>
public static class QuantFormats
{
    /// <summary>Bits of an activation, the left operand of every GEMM.</summary>
    public const int ActivationBits = 6;

    public const int ActivationMin = -32;
    public const int ActivationMax = 31;

    /// <summary>A 4-bit weight row, and the signed high nibble of an 8-bit row.</summary>
    public const int Int4Min = -8;
    public const int Int4Max = 7;

    /// <summary>An 8-bit weight row, and attention K and V.</summary>
    public const int Int8Min = sbyte.MinValue;
    public const int Int8Max = sbyte.MaxValue;

    /// <summary>A GEMM output bound for the host.</summary>
    public const int Int16Min = short.MinValue;
    public const int Int16Max = short.MaxValue;

    /// <summary>True when <paramref name="value"/> is a 6-bit activation.</summary>
    public static bool IsActivation(int value) => value is >= ActivationMin and <= ActivationMax;

    /// <summary>True when <paramref name="value"/> fits a 4-bit weight row.</summary>
    public static bool IsInt4(int value) => value is >= Int4Min and <= Int4Max;
}
