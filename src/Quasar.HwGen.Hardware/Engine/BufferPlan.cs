using Quasar.HwGen.Hardware.Constants;
using Quasar.HwGen.Hardware.Kernel;

namespace Quasar.HwGen.Hardware.Engine;

/// <summary>
/// The streaming engine's on-chip memories (docs/hardware-model.md §2), one copy of each and split into banks as the
/// kernel's ARRAY_PARTITION pragmas split them (hls-templates gemm_compute.h, gemm_output.h, gemm_engine.h): no
/// ping-pong (activations stream in per token tile) and no weight buffer (weights stream into the array's registers).
/// </summary>
/// <param name="Input">x_buf[2][TM][X_COLUMNS] of 6-bit activations, double-buffered across token tiles, cyclic PT on tokens and X_BANKS = lcm(TK, 16) on lanes: a bus word's 16 bytes in, TK lanes of PT tokens out a cycle.</param>
/// <param name="Accumulators">acc[TM][TN] nibble-row sums, cyclic PT on tokens and complete on rows: read-modify-written PT·TN a cycle by the array.</param>
/// <param name="PendingHighSums">pending[TM][TN]: an 8-bit row's high sum, per token and slot, between its HIGH tile and the next.</param>
/// <param name="RowTables">bias, multiplier (int32) and shift (6 bits) per output row, MAX_ROWS deep.</param>
/// <param name="ReductionBuffer">K_BUF: the longest K rounded up to whole TK chunks.</param>
/// <param name="PsumBits">The array's sum over TK lanes: 10-bit products + ⌈log2 TK⌉ (docs/numerics.md §3).</param>
/// <param name="AccumulatorBits">A nibble row's sum over K_BUF: 10-bit products + ⌈log2 K_BUF⌉.</param>
public sealed record BufferPlan(OnChipMemory Input, OnChipMemory Accumulators, OnChipMemory PendingHighSums, IReadOnlyList<OnChipMemory> RowTables,
    int ReductionBuffer, int PsumBits, int AccumulatorBits)
{
    /// <summary>Bits of a stored activation (the left operand is always 6-bit, docs/numerics.md §1).</summary>
    public const int ActivationBits = 6;

    /// <summary>Bits of a weight nibble as the array multiplies it: signed [−8, 7] or unsigned [0, 15].</summary>
    public const int NibbleOperandBits = 5;

    /// <summary>Bits of one product of an activation and a nibble operand ([−480, 465], docs/numerics.md §3).</summary>
    public const int ProductBits = 10;

    /// <summary>Bits of a row's bias and multiplier (int32 each).</summary>
    public const int RowParameterBits = 32;

    /// <summary>Bits of a row's shift S ∈ [1, 62].</summary>
    public const int ShiftBits = 6;

    public IEnumerable<OnChipMemory> Memories => [Input, Accumulators, PendingHighSums, .. RowTables];

    public int Total => Memories.Sum(memory => memory.Bram18);

    /// <summary>Banks of the input buffer: the tile the array streams and the next one loading.</summary>
    public const int InputBanks = 2;

    public static BufferPlan For(EngineConfig engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        int pt = Math.Max(engine.TokensPerCycle, 1), tm = engine.TileTokens, tn = engine.TileRows, tk = engine.TileReduction;
        int word = KernelCallSizes.WordBytes;
        int kBuffer = CeilDiv(engine.MaxReduction, tk) * tk;
        int accumulatorBits = ProductBits + KernelDepths.CeilLog2(kBuffer);
        // A row of x_buf holds every lane the array addresses and every byte of the row's words.
        int columns = Math.Max(kBuffer, CeilDiv(engine.MaxReduction, word) * word);
        int laneBanks = tk / Gcd(tk, word) * word;
        int tokenRows = CeilDiv(tm, pt);
        return new BufferPlan(
            // Two banks (x_buf[2]): the next token tile loads into one while the array reads the other.
            Input: new("input buffer", InputBanks * pt * laneBanks, (long)tokenRows * CeilDiv(columns, laneBanks), ActivationBits),
            Accumulators: new("accumulator memory", pt * tn, tokenRows, accumulatorBits),
            // pending[TM][TN], complete on the slots: an 8-bit row's high pass, per token and slot, until its LOW tile.
            PendingHighSums: new("pending high sums", tn, tm, accumulatorBits),
            RowTables:
            [
                new("row table: bias", 1, engine.MaxRows, RowParameterBits),
                new("row table: multiplier", 1, engine.MaxRows, RowParameterBits),
                new("row table: shift", 1, engine.MaxRows, ShiftBits),
            ],
            ReductionBuffer: kBuffer,
            PsumBits: ProductBits + KernelDepths.CeilLog2(tk),
            AccumulatorBits: accumulatorBits);
    }

    private static int CeilDiv(int a, int b) => (a + b - 1) / b;

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
