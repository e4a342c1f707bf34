namespace Quasar.HwGen.Hardware.Constants;

/// <summary>
/// Properties of the Zynq UltraScale+ fabric the model relies on, from AMD's user guides. The per-board numbers
/// (resource counts, clocks, DDR bandwidth, host cores) are not here: they come from <c>PlatformConfig</c>.
/// </summary>
public static class Zcu102Constants
{
    /// <summary>Bits of one RAMB18E2 block (UG573, UltraScale Architecture Memory Resources): 16 Kb data + 2 Kb parity.</summary>
    public const int Bram18Bits = 18 * 1024;

    /// <summary>Widest port of a RAMB18E2 in simple dual-port mode (UG573): 512 words × 36 bits.</summary>
    public const int Bram18Width = 36;

    /// <summary>Depth of a RAMB18E2 at its widest (UG573).</summary>
    public const int Bram18Depth = 512;

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
