namespace Quasar.HwGen.Hardware.Latency;

/// <summary>
/// One kernel call as the engine sees it (docs/hls-engine.md §1): <see cref="Batches"/> independent GEMMs of
/// <see cref="Tokens"/> × <see cref="Reduction"/> activations (6-bit, stored as int8) against <see cref="Rows"/> weight
/// rows of which <see cref="EightBitRows"/> are 8-bit and run as two nibble rows; outputs of <see cref="OutputBytes"/>
/// bytes (2 for int16 to the host, 1 for 6-bit or int8 to another GEMM). A linear layer is one batch with per-row
/// tables; attention runs its heads as the batches of one call with one table entry (<see cref="PerTensor"/>).
/// </summary>
public readonly record struct GemmShape(int Tokens, int Reduction, int Rows, int EightBitRows, int OutputBytes, int Batches = 1, bool PerTensor = false)
{
    /// <summary>Rows the array processes per batch (N'): rows4 + 2 · rows8.</summary>
    public int NibbleRows => Rows + EightBitRows;

    /// <summary>Row-table entries the call reads before the array starts: one per tensor, else one per row.</summary>
    public int TableEntries => PerTensor ? 1 : Rows;

    public long Macs => (long)Batches * Tokens * Reduction * Rows;

    /// <summary>4-bit multiply-accumulates: an 8-bit row costs two.</summary>
    public long NibbleMacs => (long)Batches * Tokens * Reduction * NibbleRows;

    /// <summary>Weight bytes in DDR, every batch: two nibbles a byte.</summary>
    public long WeightBytes => Batches * (((long)NibbleRows * Reduction + 1) / 2);

    public long InputBytes => (long)Batches * Tokens * Reduction;

    public long OutputBytesTotal => (long)Batches * Tokens * Rows * OutputBytes;
}
