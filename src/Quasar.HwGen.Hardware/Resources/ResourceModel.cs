using System.Globalization;
using Quasar.HwGen.Hardware.Constants;
using Quasar.HwGen.Hardware.Engine;

namespace Quasar.HwGen.Hardware.Resources;

/// <summary>
/// LUT, FF, DSP and BRAM of the streaming engine, counted from what the generated code instantiates, one instance of
/// each block (docs/hardware-model.md §2): the PE array from the paper's unit costs (Table 4; an 8-bit row runs as two
/// nibble rows on the same units, so the array is counted in 4-bit units), the accumulate adders at their widths, the
/// double-buffered weight registers, the output stage (one int32 × int32 multiplier per array row), the on-chip
/// memories (<see cref="BufferPlan"/>), the stream FIFOs between the processes (<see cref="DataflowStreams"/>),
/// control, the three m_axi adapters and the platform's static logic.
/// </summary>
public static class ResourceModel
{
    public static ResourceEstimate Estimate(EngineConfig engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        engine.Validate();
        var ci = CultureInfo.InvariantCulture;
        var buffers = engine.Buffers;
        int pt = engine.TokensPerCycle, tn = engine.TileRows, tk = engine.TileReduction;
        int columns = pt * tn;
        double dspUnitLuts = engine.PackingFactor == PaperConstants.Packing3UnitsPerDsp ? PaperConstants.Packing3UnitLuts : PaperConstants.Packing4UnitLuts;
        double weightRegisterBits = 2.0 * tn * tk * BufferPlan.NibbleBits + (double)engine.ArrayDsps * Zcu102Constants.DspAPortBits;
        var components = new List<ResourceComponent>
        {
            new($"PE array, DSP units (packing {engine.PackingFactor})",
                new(dspUnitLuts * engine.DspUnits, ModelConstants.DspUnitFfs * engine.DspUnits, engine.ArrayDsps, 0)),
            new("PE array, LUT units",
                new(PaperConstants.LutUnitLuts * engine.LutUnits, ModelConstants.LutUnitFfs * engine.LutUnits, 0, 0)),
            new(string.Create(ci, $"accumulate adders ({columns} of {buffers.AccumulatorBits} bits, {buffers.PsumBits}-bit partial sums in)"),
                new((double)columns * buffers.AccumulatorBits, (double)columns * (buffers.PsumBits + buffers.AccumulatorBits), 0, 0)),
            new(string.Create(ci, $"weight registers (2 × {tn}×{tk} nibbles, {engine.ArrayDsps} packed DSP A-port words)"),
                new(0, weightRegisterBits, 0, 0)),
            new($"output stage ({tn} lanes of int32 × int32, round, shift, clamp; SLS folded in)",
                new(ModelConstants.OutputLaneLuts * tn, (ModelConstants.OutputLaneFfs + BufferPlan.RowParameterBits) * tn,
                    Zcu102Constants.DspsPerInt32Multiply * tn, 0)),
            new(string.Create(ci, $"input buffer ({engine.TileTokens} × {buffers.ReductionBuffer} activations)"), new(0, 0, 0, buffers.InputBuffer)),
            new(string.Create(ci, $"accumulator memory ({engine.TileTokens} × {tn} × {buffers.AccumulatorBits} bits)"), new(0, 0, 0, buffers.Accumulators)),
            new("pending high sums", new(0, 0, 0, buffers.PendingHighSums)),
            new("row tables (bias, M, S)", new(0, 0, 0, buffers.RowTables)),
        };
        foreach (var fifo in DataflowStreams.For(engine))
            components.Add(new(string.Create(ci, $"stream {fifo.Name}, {fifo.WidthBits} bits × {fifo.Depth}"), FifoCost.Of(fifo)));
        components.Add(new("control", new(ModelConstants.ControlLuts, ModelConstants.ControlFfs, 0, 0)));
        components.Add(new($"AXI ({ModelConstants.AxiMasters} m_axi of 128 bits + control port)",
            new(ModelConstants.AxiMasters * ModelConstants.AxiMasterLuts + ModelConstants.ControlPortLuts,
                ModelConstants.AxiMasters * ModelConstants.AxiMasterFfs + ModelConstants.ControlPortFfs,
                0, ModelConstants.AxiMasters * ModelConstants.AxiMasterBram)));
        components.Add(new("platform shell", new(ModelConstants.PlatformShellLuts, ModelConstants.PlatformShellFfs, 0, 0)));
        return new ResourceEstimate(components);
    }
}
