using Quasar.HwGen.Hardware.Constants;
using Quasar.HwGen.Hardware.Engine;

namespace Quasar.HwGen.Hardware.Resources;

/// <summary>
/// LUT, FF, DSP and BRAM of an engine, part by part (docs/hardware-model.md §2): the PE array from the paper's unit
/// costs (Table 4; an 8-bit row runs as two nibble passes on the same units, so the array is counted in 4-bit units),
/// the accumulators, the output stage (one int32 × int32 multiplier per array row), the buffers, control, the AXI
/// ports and the platform's static logic.
/// </summary>
public static class ResourceModel
{
    public static ResourceEstimate Estimate(EngineConfig engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        engine.Validate();
        var buffers = engine.Buffers;
        int accumulators = engine.TokensPerCycle * engine.TileRows;
        int lanes = engine.TileRows;
        double dspUnitLuts = engine.PackingFactor == PaperConstants.Packing3UnitsPerDsp ? PaperConstants.Packing3UnitLuts : PaperConstants.Packing4UnitLuts;
        var components = new List<ResourceComponent>
        {
            new($"PE array, DSP units (packing {engine.PackingFactor})",
                new(dspUnitLuts * engine.DspUnits, ModelConstants.DspUnitFfs * engine.DspUnits, engine.ArrayDsps, 0)),
            new("PE array, LUT units",
                new(PaperConstants.LutUnitLuts * engine.LutUnits, ModelConstants.LutUnitFfs * engine.LutUnits, 0, 0)),
            new($"accumulators ({accumulators} int32)",
                new(ModelConstants.AccumulatorLuts * accumulators, ModelConstants.AccumulatorFfs * accumulators, 0, 0)),
            new($"output stage ({lanes} lanes of int32 × int32, round, shift, clamp; SLS folded in)",
                new(ModelConstants.OutputLaneLuts * lanes, ModelConstants.OutputLaneFfs * lanes, Zcu102Constants.DspsPerInt32Multiply * lanes, 0)),
            new("input ping-pong buffer", new(0, 0, 0, buffers.InputPingPong)),
            new("weight ping-pong buffer", new(0, 0, 0, buffers.WeightPingPong)),
            new("accumulator buffer (double)", new(0, 0, 0, buffers.Accumulators)),
            new("row parameters (bias, M, S)", new(0, 0, 0, buffers.RowParameters)),
            new("control", new(ModelConstants.ControlLuts, ModelConstants.ControlFfs, 0, 0)),
            new($"AXI ({ModelConstants.AxiMasters} masters + control port)",
                new(ModelConstants.AxiMasters * ModelConstants.AxiMasterLuts + ModelConstants.ControlPortLuts,
                    ModelConstants.AxiMasters * ModelConstants.AxiMasterFfs + ModelConstants.ControlPortFfs,
                    0, ModelConstants.AxiMasters * ModelConstants.AxiMasterBram)),
            new("platform shell", new(ModelConstants.PlatformShellLuts, ModelConstants.PlatformShellFfs, 0, 0)),
        };
        return new ResourceEstimate(components);
    }
}
