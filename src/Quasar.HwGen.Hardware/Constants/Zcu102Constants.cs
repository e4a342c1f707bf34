namespace Quasar.HwGen.Hardware.Constants;

/// <summary>
/// Properties of the Zynq UltraScale+ fabric the model relies on, from AMD's user guides. The per-board numbers
/// (resource counts, clocks, DDR bandwidth, host cores) are not here: they come from <c>PlatformConfig</c>.
/// </summary>
public static class Zcu102Constants
{
    /// <summary>
    /// The shapes a RAMB18E2 can take in simple dual-port mode (UG573, UltraScale Architecture Memory Resources): 16K × 1,
    /// 8K × 2, 4K × 4, 2K × 9, 1K × 18 and 512 × 36 (width in bits, depth in words).
    /// </summary>
    public static IReadOnlyList<(int Width, int Depth)> Bram18Shapes { get; } = [(1, 16_384), (2, 8_192), (4, 4_096), (9, 2_048), (18, 1_024), (36, 512)];

    /// <summary>
    /// DSP48E2 slices of one int32 × int32 → int64 multiply (the output stage's <c>v · M[r]</c>, docs/numerics.md §4).
    /// The DSP48E2 multiplies 27 × 18 signed bits (UG579), so two 32-bit operands split into 2 × 2 partial products.
    /// </summary>
    public const int DspsPerInt32Multiply = 4;

    /// <summary>Width of the DSP48E2's A port (UG579): the packed word of three (packing 3) or two (packing 4) weight nibbles.</summary>
    public const int DspAPortBits = 27;

    /// <summary>Data width of a PS-side S_AXI_HP port (UG1085, Zynq UltraScale+ TRM): 128 bits.</summary>
    public const int HpPortBytes = 16;
}
