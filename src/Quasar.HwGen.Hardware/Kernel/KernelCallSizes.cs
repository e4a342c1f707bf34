using Quasar.HwGen.Core.Execution.Kernel;

namespace Quasar.HwGen.Hardware.Kernel;

/// <summary>
/// The derived sizes of one kernel call (docs/kernel-layout.md §1), in 128-bit bus words and tiles, for an engine of
/// TN rows × TK reduction lanes and TM tokens per token tile.
/// </summary>
/// <param name="TokenWords">KW = ⌈k / 16⌉: words of one token row of A.</param>
/// <param name="Chunks">kt = ⌈k / TK⌉: reduction chunks.</param>
/// <param name="ChunkWords">CW = ⌈TN·TK / 32⌉: words of one chunk of a weight tile (32 nibbles a word).</param>
/// <param name="HeaderWords">HW = ⌈(32 + 2·TN) / 128⌉: words of a tile header.</param>
/// <param name="RowTiles">rt = ⌈n / TN⌉ + ⌈(N' − n) / TN⌉: row tiles (a group of TN rows holding 8-bit rows takes a HIGH tile and the tile that completes it).</param>
/// <param name="OutputGroups">⌈n / TN⌉: groups of TN rows, one writing tile each.</param>
/// <param name="TokenTiles">mt = ⌈m / TM⌉: token tiles.</param>
/// <param name="LastTileTokens">Tokens of the last token tile: m − (mt − 1)·TM.</param>
/// <param name="OutputWords">OW = ⌈TN·out_bytes / 16⌉: output words per token per writing row tile.</param>
public readonly record struct KernelCallSizes(int TokenWords, int Chunks, int ChunkWords, int HeaderWords, int RowTiles, int OutputGroups, int TokenTiles, int LastTileTokens, int OutputWords)
{
    /// <summary>Bytes of a bus word (the m_axi ports are 128 bits wide).</summary>
    public const int WordBytes = 16;

    /// <summary>Weight nibbles in a bus word.</summary>
    public const int WordNibbles = 2 * WordBytes;

    /// <summary>Bits of a tile header before the slot kinds (<c>first_row</c>).</summary>
    public const int HeaderFirstRowBits = 32;

    /// <summary>Bits of one slot's kind in a tile header (EMPTY, ROW4, HIGH, LOW).</summary>
    public const int HeaderSlotBits = 2;

    /// <summary>
    /// The sizes of one call, from the host layout's own formulas (<see cref="KernelWordSizes"/>): the model and the
    /// layout cannot disagree on a word count.
    /// </summary>
    public static KernelCallSizes For(int tileTokens, int tileRows, int tileReduction, int m, int n, int k, int nibbleRows, int outBytes)
    {
        var call = new KernelWordCall(Batches: 1, M: m, N: n, K: k, NibbleRows: nibbleRows, OutBytes: outBytes, OutMin: 0, OutMax: 0, Flags: 0);
        var z = KernelWordSizes.Of(call, tileTokens, tileRows, tileReduction);
        return new KernelCallSizes(
            TokenWords: z.TokenWords,
            Chunks: z.ReductionChunks,
            ChunkWords: z.ChunkWords,
            HeaderWords: z.HeaderWords,
            RowTiles: z.RowTiles,
            OutputGroups: z.OutputGroups,
            TokenTiles: z.TokenTiles,
            LastTileTokens: m - (z.TokenTiles - 1) * tileTokens,
            OutputWords: z.OutputWordsPerToken);
    }

    /// <summary>CW: words of one chunk of a TN × TK weight tile.</summary>
    public static int ChunkWordsOf(int tileRows, int tileReduction) => CeilDiv(tileRows * tileReduction, WordNibbles);

    /// <summary>HW: words of the header of a tile of TN slots.</summary>
    public static int HeaderWordsOf(int tileRows) => CeilDiv(HeaderFirstRowBits + HeaderSlotBits * tileRows, 8 * WordBytes);

    /// <summary>OW: words of one token's outputs in a row tile of TN slots.</summary>
    public static int OutputWordsOf(int tileRows, int outBytes) => CeilDiv(tileRows * outBytes, WordBytes);

    /// <summary>Words of one batch's weight block: rt·(HW + kt·CW).</summary>
    public long WeightBlockWords => (long)RowTiles * (HeaderWords + (long)Chunks * ChunkWords);

    private static int CeilDiv(int a, int b) => (a + b - 1) / b;
}
