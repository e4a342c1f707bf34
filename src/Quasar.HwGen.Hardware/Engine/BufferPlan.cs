using Quasar.HwGen.Hardware.Constants;

namespace Quasar.HwGen.Hardware.Engine;

/// <summary>
/// The engine's on-chip buffers in BRAM_18K blocks (docs/hardware-model.md §2). Each buffer is banked so that it
/// delivers what the array consumes per cycle, and deep enough for what it must hold; RAMB18E2s are used in simple
/// dual-port mode, 512 words of 36 bits.
/// </summary>
/// <param name="InputPingPong">Two halves, each TM tokens × the longest K of 6-bit activations, read PT·TK a cycle.</param>
/// <param name="WeightPingPong">Two halves, each TN nibble rows × the longest K, read one TN×TK tile per k-step.</param>
/// <param name="Accumulators">Two halves (one accumulating, one draining into the output stage) of TM × TN int32.</param>
/// <param name="RowParameters">Bias, multiplier and shift of every output row (72 bits a row).</param>
/// <param name="WeightNibblesPerCycle">Read width of the weight buffer in nibbles: a TN×TK tile every ⌈TM/PT⌉ cycles.</param>
public sealed record BufferPlan(int InputPingPong, int WeightPingPong, int Accumulators, int RowParameters, int WeightNibblesPerCycle)
{
    /// <summary>Bits of an activation held on chip (the left operand is always 6-bit, docs/numerics.md §1).</summary>
    public const int ActivationBits = 6;

    /// <summary>Bits of a weight nibble.</summary>
    public const int NibbleBits = 4;

    /// <summary>Bits of a partial sum.</summary>
    public const int AccumulatorBits = 32;

    /// <summary>Bits of one row's output-stage parameters: int32 bias, int32 multiplier, 6-bit shift, padded to 2 × 36.</summary>
    public const int RowParameterBits = 72;

    public int Total => InputPingPong + WeightPingPong + Accumulators + RowParameters;

    public static BufferPlan For(EngineConfig engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        int pt = Math.Max(engine.TokensPerCycle, 1);
        int tokenSteps = CeilDiv(engine.TileTokens, pt);
        int weightWidth = CeilDiv(engine.TileRows * engine.TileReduction, tokenSteps);
        return new BufferPlan(
            InputPingPong: 2 * Blocks(pt * engine.TileReduction, ActivationBits, (long)engine.TileTokens * engine.MaxReduction),
            WeightPingPong: 2 * Blocks(weightWidth, NibbleBits, (long)engine.TileRows * engine.MaxReduction),
            Accumulators: 2 * Blocks(pt * engine.TileRows, AccumulatorBits, (long)engine.TileTokens * engine.TileRows),
            RowParameters: Blocks(1, RowParameterBits, engine.MaxRows),
            WeightNibblesPerCycle: weightWidth);
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
