using Quasar.HwGen.Hardware.Constants;

namespace Quasar.HwGen.Hardware.Engine;

/// <summary>
/// The streaming engine's on-chip memories in BRAM_18K blocks (docs/hardware-model.md §2, docs/kernel-layout.md): one
/// copy of each, no ping-pong (activations stream in per token tile, weights stream into the array's registers).
/// Each memory is banked so that it delivers what its process takes a cycle, and deep enough for what it holds;
/// RAMB18E2s are used in simple dual-port mode, 512 words of 36 bits.
/// </summary>
/// <param name="InputBuffer">TM tokens × K_BUF int8 activations: written a bus word a cycle, read PT·TK a cycle.</param>
/// <param name="Accumulators">TM × TN nibble-row sums of <see cref="AccumulatorBits"/>, read-modify-written PT·TN a cycle by the array.</param>
/// <param name="PendingHighSums">TM sums of an 8-bit row whose HIGH nibble row ends a tile (it completes in the next), one a cycle.</param>
/// <param name="RowTables">Bias, multiplier and shift of every output row (72 bits a row), one entry a cycle.</param>
/// <param name="ReductionBuffer">K_BUF: the longest K rounded up to whole TK chunks.</param>
/// <param name="PsumBits">The array's sum over TK lanes: 10-bit products + ⌈log2 TK⌉ (docs/numerics.md §3).</param>
/// <param name="AccumulatorBits">A nibble row's sum over K_BUF: 10-bit products + ⌈log2 K_BUF⌉.</param>
public sealed record BufferPlan(int InputBuffer, int Accumulators, int PendingHighSums, int RowTables, int ReductionBuffer, int PsumBits, int AccumulatorBits)
{
    /// <summary>Bits of a stored activation: the int8 byte of the A word (the 6-bit value sign-extended).</summary>
    public const int ActivationBits = 8;

    /// <summary>Bits of a weight nibble.</summary>
    public const int NibbleBits = 4;

    /// <summary>Bits of one product of a 6-bit activation and a 5-bit nibble operand ([−480, 465], docs/numerics.md §3).</summary>
    public const int ProductBits = 10;

    /// <summary>Bits of one row's output-stage parameters: int32 bias, int32 multiplier, 6-bit shift, padded to 2 × 36.</summary>
    public const int RowParameterBits = 72;

    public int Total => InputBuffer + Accumulators + PendingHighSums + RowTables;

    public static BufferPlan For(EngineConfig engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        int pt = Math.Max(engine.TokensPerCycle, 1), tm = engine.TileTokens, tn = engine.TileRows, tk = engine.TileReduction;
        int kBuffer = CeilDiv(engine.MaxReduction, tk) * tk;
        int accumulatorBits = ProductBits + KernelDepths.CeilLog2(kBuffer);
        // The input buffer takes a whole bus word a cycle as it fills, and gives the array PT·TK activations a cycle.
        int inputWidth = Math.Max(pt * tk, Zcu102Constants.HpPortBytes);
        return new BufferPlan(
            InputBuffer: Blocks(inputWidth, ActivationBits, (long)tm * kBuffer),
            Accumulators: Blocks(pt * tn, accumulatorBits, (long)tm * tn),
            PendingHighSums: Blocks(1, accumulatorBits, tm),
            RowTables: Blocks(1, RowParameterBits, engine.MaxRows),
            ReductionBuffer: kBuffer,
            PsumBits: ProductBits + KernelDepths.CeilLog2(tk),
            AccumulatorBits: accumulatorBits);
    }

    /// <summary>
    /// RAMB18E2s for a buffer of <paramref name="words"/> words of <paramref name="wordBits"/> bits that must deliver
    /// <paramref name="wordsPerCycle"/> words a cycle: enough banks of 36-bit rows for the width, each bank as deep as
    /// its share of the words needs (512 rows a block).
    /// </summary>
    public static int Blocks(int wordsPerCycle, int wordBits, long words)
    {
        if (wordsPerCycle <= 0 || wordBits <= 0 || words <= 0) return 0;
        int banks;
        long rowsPerBank;
        if (wordBits <= Zcu102Constants.Bram18Width)
        {
            int wordsPerRow = Zcu102Constants.Bram18Width / wordBits;
            banks = CeilDiv(wordsPerCycle, wordsPerRow);
            rowsPerBank = CeilDiv(words, (long)banks * wordsPerRow);
        }
        else
        {
            int rowsPerWord = CeilDiv(wordBits, Zcu102Constants.Bram18Width);
            banks = wordsPerCycle * rowsPerWord;
            rowsPerBank = CeilDiv(words, wordsPerCycle);
        }
        return checked(banks * (int)CeilDiv(rowsPerBank, Zcu102Constants.Bram18Depth));
    }

    private static int CeilDiv(int a, int b) => (a + b - 1) / b;

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;
}
