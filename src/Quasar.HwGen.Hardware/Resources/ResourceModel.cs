using System.Globalization;
using Quasar.HwGen.Hardware.Constants;
using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Hardware.Kernel;

namespace Quasar.HwGen.Hardware.Resources;

/// <summary>
/// LUT, FF, DSP and BRAM of the streaming engine, counted from what the generated code instantiates, one instance of
/// each block (docs/hardware-model.md §2): the PE array from the paper's unit costs (Table 4; an 8-bit row runs as two
/// nibble rows on the same units, so the array is counted in 4-bit units), the accumulate adders and registers at the
/// widths the code declares, the double-buffered weight registers, the output stage (one int32 × int32 multiplier per
/// array row), the on-chip memories as their pragmas bank them (<see cref="BufferPlan"/>), the streams between the
/// processes (<see cref="DataflowStreams"/>), control, the four m_axi adapters and the platform's static logic.
/// </summary>
public static class ResourceModel
{
    /// <summary>Bits of a bus word.</summary>
    private const int WordBits = 8 * KernelCallSizes.WordBytes;

    /// <summary>A lane's output-stage registers: bias, multiplier, shift and whether its slot completes a row.</summary>
    private const int LaneParameterBits = 2 * BufferPlan.RowParameterBits + BufferPlan.ShiftBits + 1;

    /// <summary>The name of the platform shell's component, the one part of an estimate that is not the kernel's.</summary>
    public const string PlatformShell = "platform shell";

    public static ResourceEstimate Estimate(EngineConfig engine, ResourceParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        engine.Validate();
        var p = parameters ?? ResourceParameters.Default;
        p.Validate();
        var ci = CultureInfo.InvariantCulture;
        var buffers = engine.Buffers;
        int pt = engine.TokensPerCycle, tn = engine.TileRows, tk = engine.TileReduction;
        int columns = pt * tn;
        double dspUnitLuts = engine.PackingFactor == PaperConstants.Packing3UnitsPerDsp ? PaperConstants.Packing3UnitLuts : PaperConstants.Packing4UnitLuts;
        int shadowWords = KernelCallSizes.HeaderWordsOf(tn) + KernelCallSizes.ChunkWordsOf(tn, tk);
        int writerWords = KernelCallSizes.OutputWordsOf(tn, outBytes: 2);
        // The next block's header and chunk words (shadow), every nibble as a 5-bit operand, every DSP's packed A word.
        double weightRegisterBits = (double)shadowWords * WordBits
            + (double)tk * tn * BufferPlan.NibbleOperandBits + (double)engine.ArrayDsps * Zcu102Constants.DspAPortBits;
        var components = new List<ResourceComponent>
        {
            new($"PE array, DSP units (packing {engine.PackingFactor})",
                new(dspUnitLuts * engine.DspUnits, p.DspUnitFfs * engine.DspUnits, engine.ArrayDsps, 0)),
            new("PE array, LUT units",
                new(PaperConstants.LutUnitLuts * engine.LutUnits, p.LutUnitFfs * engine.LutUnits, 0, 0)),
            new(string.Create(ci, $"accumulate adders ({columns} × {buffers.AccumulatorBits} bits, {buffers.PsumBits}-bit partial sums in)"),
                new((double)columns * buffers.AccumulatorBits, (double)columns * (buffers.PsumBits + buffers.AccumulatorBits), 0, 0)),
            new(string.Create(ci, $"weight registers ({shadowWords} shadow words, {tk}×{tn} operands, {engine.ArrayDsps} DSP A words)"),
                new(0, weightRegisterBits, 0, 0)),
            new($"output stage ({tn} lanes of int32 × int32, round, shift, clamp; SLS folded in)",
                new(p.OutputLaneLuts * tn, (p.OutputLaneFfs + LaneParameterBits) * tn,
                    Zcu102Constants.DspsPerInt32Multiply * tn, 0)),
            new(string.Create(ci, $"writer word buffers (2 writers × {writerWords} words)"), new(0, 2.0 * writerWords * WordBits, 0, 0)),
        };
        foreach (var memory in buffers.Memories)
            components.Add(new(string.Create(ci, $"{memory.Name} ({memory.Banks} × {memory.Depth} × {memory.WidthBits} bits)"), new(0, 0, 0, memory.Bram18)));
        foreach (var fifo in DataflowStreams.For(engine))
            components.Add(new(string.Create(ci, $"stream {fifo.Name} ({fifo.WidthBits} bits × {fifo.Depth})"), FifoCost.Of(fifo)));
        int axiBram = OnChipMemory.BlocksPerBank(ModelConstants.AxiBurstFifoWords, WordBits);
        components.Add(new("control", new(p.ControlLuts, p.ControlFfs, 0, 0)));
        components.Add(new($"AXI ({ModelConstants.AxiMasters} m_axi of 128 bits + control port)",
            new(ModelConstants.AxiMasters * p.AxiMasterLuts + p.ControlPortLuts,
                ModelConstants.AxiMasters * p.AxiMasterFfs + p.ControlPortFfs,
                0, ModelConstants.AxiMasters * axiBram)));
        components.Add(new(PlatformShell, new(p.PlatformShellLuts, p.PlatformShellFfs, 0, 0)));
        return new ResourceEstimate(components);
    }
}
