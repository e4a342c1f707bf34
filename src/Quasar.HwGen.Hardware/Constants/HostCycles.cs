namespace Quasar.HwGen.Hardware.Constants;

/// <summary>
/// Estimate: nominal Cortex-A53 cycles per element of each host op on one core, NEON 4 × float32 wide, including the
/// dequantization of an int16 input where the op reads one (docs/hardware-model.md §3.3). The model multiplies them
/// by the fitted <see cref="ModelConstants.HostCostScale"/>.
/// </summary>
public static class HostCycles
{
    /// <summary>Pixel byte to normalised float: convert, multiply-add; plus the patch reorder.</summary>
    public const double Patchify = 1.5;

    /// <summary>float32 to 6-bit: a float division (numerics.md §1 forbids the reciprocal), round, clamp, narrow.</summary>
    public const double Quantize = 2.5;

    /// <summary>int16 to float32: widen, convert, multiply.</summary>
    public const double Dequantize = 0.75;

    /// <summary>Two passes (mean and variance, then normalise, scale, shift) and a square root per row.</summary>
    public const double LayerNorm = 3;

    /// <summary>Dequantize, row max, exp (a polynomial), sum, divide.</summary>
    public const double Softmax = 6;

    /// <summary>Dequantize, erf (a rational approximation), multiply.</summary>
    public const double Gelu = 7;

    /// <summary>Dequantize the branch and add it to the stream.</summary>
    public const double ResidualAdd = 1.25;

    /// <summary>Dequantize the patch embedding, prepend the class token, add the position embedding.</summary>
    public const double Embedding = 1.25;

    /// <summary>
    /// One int8 element moved from the kernel's tiled output (docs/kernel-layout.md §2, one slot per nibble row) into
    /// the next call's word layout: A rows padded to words, or the nibble-split, tiled weight stream of K and Vᵀ
    /// (a byte load, a shift and a mask per nibble, a table-driven store).
    /// </summary>
    public const double Relayout = 1;
}
