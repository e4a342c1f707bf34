namespace Quasar.HwGen.Hardware.Constants;

/// <summary>
/// Numbers read in the Quasar-ViT paper (arXiv 2407.18175; /work/shared/spec/quasar-vit.md): the unit costs of
/// Table 4, the resource utilisation of its ZCU102 designs and the three results used as calibration anchors.
/// </summary>
public static class PaperConstants
{
    /// <summary>Table 4: LUTs of one W4A6 atomic unit built from LUTs only.</summary>
    public const double LutUnitLuts = 33.3;

    /// <summary>Table 4: LUTs of one W4A6 unit on a DSP48E2 packing three 4-bit weights against one activation.</summary>
    public const double Packing3UnitLuts = 10.9;

    /// <summary>Table 4: LUTs of one W4A6 unit on a DSP48E2 packing two weights against two activations.</summary>
    public const double Packing4UnitLuts = 12.9;

    /// <summary>Table 4 gives 0.33 and 0.25 DSPs per unit: one DSP48E2 holds 3 (packing 3) or 4 (packing 4) units.</summary>
    public const int Packing3UnitsPerDsp = 3;

    /// <summary>See <see cref="Packing3UnitsPerDsp"/>.</summary>
    public const int Packing4UnitsPerDsp = 4;

    /// <summary>Every design of the paper runs at 150 MHz.</summary>
    public const double ClockMhz = 150.0;

    /// <summary>Results table: share of the ZCU102's DSPs used by QUASAR-L1/L2/S.</summary>
    public const double DspUtilisation = 0.69;

    /// <summary>Results table: LUT share of QUASAR-L1/L2 (QUASAR-S: 0.65).</summary>
    public const double LutUtilisation = 0.66;

    /// <summary>Results table: FF share of QUASAR-L1/L2 (QUASAR-S: 0.30).</summary>
    public const double FfUtilisation = 0.31;

    /// <summary>Results table: BRAM share of all three designs.</summary>
    public const double BramUtilisation = 0.44;

    /// <summary>Results table: QUASAR-S, 1.4 GMACs, 39% 8-bit rows, 4.1 MB, 74.9% top-1.</summary>
    public const double QuasarSFps = 251.6;

    /// <summary>Results table: QUASAR-L1, 78.6% top-1; the paper gives neither its MACs nor its size.</summary>
    public const double QuasarL1Fps = 159.6;

    /// <summary>Results table: QUASAR-L2, 4.8 GMACs, 15.8 MB, 80.4% top-1.</summary>
    public const double QuasarL2Fps = 101.5;
}
