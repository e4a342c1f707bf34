namespace Quasar.HwGen.Hardware.Latency;

/// <summary>
/// One GEMM as the engine sees it: <see cref="Tokens"/> × <see cref="Reduction"/> activations (6-bit, stored as int8)
/// against <see cref="Rows"/> weight rows of which <see cref="EightBitRows"/> are 8-bit and run as two nibble rows;
/// outputs of <see cref="OutputBytes"/> bytes (2 for int16 to the host, 1 for 6-bit or int8 to another GEMM).
/// </summary>
public readonly record struct GemmShape(int Tokens, int Reduction, int Rows, int EightBitRows, int OutputBytes)
{
    /// <summary>Rows the array processes: rows4 + 2 · rows8.</summary>
    public int NibbleRows => Rows + EightBitRows;

    public long Macs => (long)Tokens * Reduction * Rows;

    /// <summary>4-bit multiply-accumulates: an 8-bit row costs two.</summary>
    public long NibbleMacs => (long)Tokens * Reduction * NibbleRows;

    /// <summary>Weight bytes in DDR: two nibbles a byte.</summary>
    public long WeightBytes => ((long)NibbleRows * Reduction + 1) / 2;

    public long InputBytes => (long)Tokens * Reduction;

    public long OutputBytesTotal => (long)Tokens * Rows * OutputBytes;
}
