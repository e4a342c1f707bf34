using Quasar.HwGen.Hardware.Engine;

namespace Quasar.HwGen.Codegen.Engine;

/// <summary>
/// A small configuration of the same architecture as a full engine: the same packing, buffer bounds and clock, but an
/// array of PT × 8 × 4 units (PT 1, or 2 for packing 4) with a few LUT units beside the DSP ones, so that csynth and
/// cosim finish in minutes and show the structure (instances, II, bursts) before the full array is paid for. It runs
/// every call the full engine runs, bit for bit, only more slowly; it is not a design to deploy.
/// </summary>
public static class TinyEngine
{
    public const int TileRows = 8;
    public const int TileReduction = 4;

    /// <summary>The tile of tokens per token step, as a multiple of PT: enough to pipeline the array a few cycles per weight tile.</summary>
    public const int TokenStepsPerTile = 4;

    public static EngineConfig Of(EngineConfig full)
    {
        ArgumentNullException.ThrowIfNull(full);
        int tokensPerCycle = full.PackingFactor == 4 ? 2 : 1;
        int units = tokensPerCycle * TileRows * TileReduction;
        int dspUnits = EngineConfig.PackableUnits(full.PackingFactor, tokensPerCycle, TileRows, TileReduction);
        // Keep one DSP's worth of units on LUTs, so the tiny design also has the LUT-unit path of the full one.
        if (dspUnits == units) dspUnits -= full.PackingFactor;
        return full with
        {
            DspUnits = dspUnits,
            LutUnits = units - dspUnits,
            TileTokens = tokensPerCycle * TokenStepsPerTile,
            TileRows = TileRows,
            TileReduction = TileReduction,
        };
    }
}
