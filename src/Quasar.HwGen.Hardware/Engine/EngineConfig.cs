using System.Globalization;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Hardware.Constants;

namespace Quasar.HwGen.Hardware.Engine;

/// <summary>
/// One point of the GEMM engine's design space (docs/hardware-model.md §1). The PE array is weight-stationary: it holds
/// a <see cref="TileRows"/> × <see cref="TileReduction"/> tile of 4-bit weight nibbles and takes
/// <see cref="TokensPerCycle"/> tokens a cycle, so it has <c>TokensPerCycle · TileRows · TileReduction</c> 4-bit atomic
/// units, <see cref="DspUnits"/> of them packed into DSP48E2s and <see cref="LutUnits"/> built from LUTs.
/// The on-chip buffers (<see cref="Buffers"/>) follow from the tiles and from the largest GEMM the engine must serve
/// (<see cref="MaxReduction"/>, <see cref="MaxRows"/>): one bitstream serves every subnet those bounds cover.
/// </summary>
/// <param name="DspUnits">4-bit atomic units on DSP48E2s, a multiple of <paramref name="PackingFactor"/>.</param>
/// <param name="PackingFactor">3: three weights share one activation in a DSP; 4: two weights meet two activations (two tokens).</param>
/// <param name="LutUnits">4-bit atomic units built from LUTs.</param>
/// <param name="TileTokens">TM: tokens held in the input buffer and streamed through the array per weight tile.</param>
/// <param name="TileRows">TN: weight nibble rows in the array (an 8-bit row is two nibble rows).</param>
/// <param name="TileReduction">TK: reduction elements in the array.</param>
/// <param name="MaxReduction">The longest reduction (K) the input and weight buffers hold in full.</param>
/// <param name="MaxRows">The most output rows of one GEMM (size of the per-row bias, M and S table).</param>
/// <param name="ClockMhz">Kernel clock.</param>
public sealed record EngineConfig(
    int DspUnits,
    int PackingFactor,
    int LutUnits,
    int TileTokens,
    int TileRows,
    int TileReduction,
    int MaxReduction,
    int MaxRows,
    double ClockMhz)
{
    /// <summary>The longest K an engine is built for: the widest MLP hidden dim the config rules allow (the longest reduction of any GEMM).</summary>
    public const int MaxReductionLimit = ConfigLimits.MaxHiddenDim;

    /// <summary>The most output rows an engine is built for: the widest MLP hidden dim (wider than any attention dim or class count the rules allow).</summary>
    public const int MaxRowsLimit = ConfigLimits.MaxHiddenDim;

    /// <summary>The largest tile side (TM, TN, TK); with <see cref="MaxUnitsLimit"/> it keeps every buffer size within an int.</summary>
    public const int MaxTileLimit = 4_096;

    /// <summary>The most 4-bit units, DSP and LUT together: 50× what a ZCU102 holds.</summary>
    public const int MaxUnitsLimit = 1 << 20;

    /// <summary>TM, TN and TK: what the kernel's word layout depends on (docs/kernel-layout.md §1).</summary>
    public KernelGeometry Geometry => new(TileTokens, TileRows, TileReduction);

    /// <summary>All 4-bit atomic units, DSP- and LUT-based.</summary>
    public int Units => DspUnits + LutUnits;

    /// <summary>PT: tokens entering the array each cycle (units / (TN · TK)).</summary>
    public int TokensPerCycle => TileRows * TileReduction == 0 ? 0 : Units / (TileRows * TileReduction);

    /// <summary>DSP48E2s of the PE array.</summary>
    public int ArrayDsps => PackingFactor == 0 ? 0 : DspUnits / PackingFactor;

    /// <summary>4-bit multiply-accumulates per cycle at full utilisation.</summary>
    public long PeakNibbleMacsPerCycle => Units;

    /// <summary>
    /// The most units of a PT × TN × TK array that DSPs can hold: a DSP packs units of one array column (one reduction
    /// index, and for packing 4 one token pair), so a column of TN rows holds ⌊TN/3⌋ DSPs of packing 3 or ⌊TN/2⌋ of
    /// packing 4 (hls-templates' gemm_engine.h asserts the same bound at compile time).
    /// </summary>
    public static int PackableUnits(int packing, int tokensPerCycle, int tileRows, int tileReduction) => packing switch
    {
        PaperConstants.Packing3UnitsPerDsp => tokensPerCycle * tileReduction * (tileRows / 3) * 3,
        PaperConstants.Packing4UnitsPerDsp => tokensPerCycle / 2 * tileReduction * (tileRows / 2) * 4,
        _ => 0,
    };

    /// <summary>The on-chip buffers in BRAM_18K blocks.</summary>
    public BufferPlan Buffers => BufferPlan.For(this);

    public double ClockHz => ClockMhz * 1e6;

    /// <summary>Every inconsistency of this configuration; empty when it describes a buildable engine.</summary>
    public IReadOnlyList<string> FindIssues()
    {
        var issues = new List<string>();
        if (PackingFactor is not (PaperConstants.Packing3UnitsPerDsp or PaperConstants.Packing4UnitsPerDsp))
            issues.Add($"packing factor {PackingFactor} is neither 3 nor 4");
        if (DspUnits < 0 || LutUnits < 0) issues.Add("unit counts cannot be negative");
        else if ((long)DspUnits + LutUnits > MaxUnitsLimit) issues.Add($"{(long)DspUnits + LutUnits} units exceed the {MaxUnitsLimit} supported");
        else if (Units <= 0) issues.Add("the array needs at least one unit");
        if (TileTokens <= 0 || TileRows <= 0 || TileReduction <= 0) issues.Add("tile sizes must be positive");
        else if (Math.Max(TileTokens, Math.Max(TileRows, TileReduction)) > MaxTileLimit) issues.Add($"tile sizes must be at most {MaxTileLimit}");
        if (CheckMaxReduction(MaxReduction) is { } reduction) issues.Add(reduction);
        if (CheckMaxRows(MaxRows) is { } rows) issues.Add(rows);
        if (!(ClockMhz >= ConfigLimits.MinClockMhz && ClockMhz <= ConfigLimits.MaxClockMhz))
            issues.Add(string.Create(CultureInfo.InvariantCulture, $"the clock {ClockMhz:R} MHz is outside [{ConfigLimits.MinClockMhz}, {ConfigLimits.MaxClockMhz}] MHz"));
        if (issues.Count > 0) return issues;

        if (PackingFactor > 0 && DspUnits % PackingFactor != 0)
            issues.Add($"{DspUnits} DSP units do not fill whole DSPs of {PackingFactor} units");
        if (Units % (TileRows * TileReduction) != 0)
            issues.Add($"{Units} units are not a whole number of {TileRows}×{TileReduction} weight tiles");
        else if (PackingFactor == PaperConstants.Packing4UnitsPerDsp && DspUnits > 0 && TokensPerCycle % 2 != 0)
            issues.Add($"packing 4 pairs two tokens in each DSP, but the array takes {TokensPerCycle} token(s) a cycle");
        else if (DspUnits > PackableUnits(PackingFactor, TokensPerCycle, TileRows, TileReduction))
            issues.Add($"{DspUnits} DSP units exceed the {PackableUnits(PackingFactor, TokensPerCycle, TileRows, TileReduction)} a {TokensPerCycle}×{TileRows}×{TileReduction} array can pack (whole DSPs per array column)");
        if (TileTokens % Math.Max(TokensPerCycle, 1) != 0)
            issues.Add($"the token tile {TileTokens} is not a multiple of the {TokensPerCycle} tokens the array takes a cycle");
        return issues;
    }

    /// <summary>Why <paramref name="maxReduction"/> cannot be an engine's MAX_REDUCTION, or null if it can (1 to <see cref="MaxReductionLimit"/>).</summary>
    public static string? CheckMaxReduction(int maxReduction) =>
        maxReduction is >= 1 and <= MaxReductionLimit ? null
            : string.Create(CultureInfo.InvariantCulture, $"the longest reduction (MAX_REDUCTION) {maxReduction} is outside [1, {MaxReductionLimit}]");

    /// <summary>Why <paramref name="maxRows"/> cannot be an engine's MAX_ROWS, or null if it can (1 to <see cref="MaxRowsLimit"/>).</summary>
    public static string? CheckMaxRows(int maxRows) =>
        maxRows is >= 1 and <= MaxRowsLimit ? null
            : string.Create(CultureInfo.InvariantCulture, $"the most output rows (MAX_ROWS) {maxRows} is outside [1, {MaxRowsLimit}]");

    /// <summary>Throws <see cref="ArgumentException"/> naming every issue, if there is one.</summary>
    public void Validate()
    {
        var issues = FindIssues();
        if (issues.Count > 0) throw new ArgumentException($"invalid engine: {string.Join("; ", issues)}");
    }

    /// <summary>One line: <c>6,144 DSP units (packing 4) + 2,048 LUT units = 2×64×64 array, TM 198, K ≤ 960, 150 MHz</c>.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{DspUnits:N0} DSP units (packing {PackingFactor}) + {LutUnits:N0} LUT units = {TokensPerCycle}×{TileRows}×{TileReduction} array (tokens×rows×reduction), TM {TileTokens}, K ≤ {MaxReduction}, rows ≤ {MaxRows}, {ClockMhz:0.#} MHz");
}
