namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>
/// The derived sizes of one word call (docs/kernel-layout.md §1, the table), in words unless named otherwise, and the
/// word counts of its four arrays.
/// </summary>
public readonly record struct KernelWordSizes
{
    /// <summary>Bytes of a 128-bit bus word.</summary>
    public const int WordBytes = 16;

    /// <summary>Nibbles of a word.</summary>
    public const int WordNibbles = 32;

    /// <summary>Bits of a tile header before the slot kinds (<c>first_row</c>).</summary>
    public const int FirstRowBits = 32;

    /// <summary>KW = ⌈k / 16⌉: words of one token row of A.</summary>
    public int TokenWords { get; private init; }

    /// <summary>kt = ⌈k / TK⌉: reduction chunks.</summary>
    public int ReductionChunks { get; private init; }

    /// <summary>CW = ⌈TN·TK / 32⌉: words of one chunk of a weight tile.</summary>
    public int ChunkWords { get; private init; }

    /// <summary>HW = ⌈(32 + 2·TN) / 128⌉: words of a tile header.</summary>
    public int HeaderWords { get; private init; }

    /// <summary>rt = ⌈n / TN⌉ + ⌈(N' − n) / TN⌉: row tiles (a group of TN rows holding 8-bit rows takes two, §3).</summary>
    public int RowTiles { get; private init; }

    /// <summary>⌈n / TN⌉: the groups of TN rows, whose writing tiles carry the outputs.</summary>
    public int OutputGroups { get; private init; }

    /// <summary>mt = ⌈m / TM⌉: token tiles.</summary>
    public int TokenTiles { get; private init; }

    /// <summary>OW = ⌈TN·out_bytes / 16⌉: output words per token per row tile.</summary>
    public int OutputWordsPerToken { get; private init; }

    /// <summary>HW + kt·CW: words of one row tile of the weight stream.</summary>
    public int TileWords => HeaderWords + ReductionChunks * ChunkWords;

    /// <summary>rt·(HW + kt·CW): words of one batch's block of the weight stream.</summary>
    public int BatchWeightWords { get; private init; }

    /// <summary>batches·m·KW.</summary>
    public int AWords { get; private init; }

    /// <summary>batches·rt·(HW + kt·CW).</summary>
    public int WWords { get; private init; }

    /// <summary>E: 1 per tensor, else n.</summary>
    public int RowsWords { get; private init; }

    /// <summary>batches·m·⌈n / TN⌉·OW: the output stream.</summary>
    public int OutWords { get; private init; }

    /// <summary>Words of the output stream on port out0: the even tokens of every row tile (⌈t/2⌉ of a tile of t tokens).</summary>
    public int Out0Words { get; private init; }

    /// <summary>Words on port out1: the odd tokens of every row tile.</summary>
    public int Out1Words => OutWords - Out0Words;

    /// <summary>The sizes of <paramref name="call"/> on <paramref name="geometry"/>; the call's dimensions must be positive (status 0).</summary>
    public static KernelWordSizes Of(in KernelWordCall call, KernelGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return Of(call, geometry.TileTokens, geometry.TileRows, geometry.TileReduction);
    }

    /// <summary>The same for a geometry given as its three tiles (no object: the hardware model calls it per GEMM).</summary>
    public static KernelWordSizes Of(in KernelWordCall call, int tileTokens, int tileRows, int tileReduction)
    {
        if (call.Batches <= 0 || call.M <= 0 || call.N <= 0 || call.K <= 0 || call.NibbleRows <= 0 || call.OutBytes is not (1 or 2))
            throw new ArgumentException($"the call {call} has no word layout: its dimensions must be positive and out_bytes 1 or 2", nameof(call));
        int tn = tileRows, tk = tileReduction;
        checked
        {
            int chunks = Ceiling(call.K, tk), chunkWords = Ceiling(tn * tk, WordNibbles), headerWords = Ceiling(FirstRowBits + 2 * tn, 8 * WordBytes);
            int groups = Ceiling(call.N, tn), rowTiles = groups + Ceiling(call.NibbleRows - call.N, tn), outputWords = Ceiling(tn * call.OutBytes, WordBytes), tokenWords = Ceiling(call.K, WordBytes);
            int batchWeightWords = rowTiles * (headerWords + chunks * chunkWords);
            return new KernelWordSizes
            {
                TokenWords = tokenWords,
                ReductionChunks = chunks,
                ChunkWords = chunkWords,
                HeaderWords = headerWords,
                RowTiles = rowTiles,
                OutputGroups = groups,
                TokenTiles = Ceiling(call.M, tileTokens),
                OutputWordsPerToken = outputWords,
                BatchWeightWords = batchWeightWords,
                AWords = call.Batches * call.M * tokenWords,
                WWords = call.Batches * batchWeightWords,
                RowsWords = call.TableRows,
                OutWords = call.Batches * call.M * groups * outputWords,
                Out0Words = call.Batches * EvenTokens(call.M, tileTokens) * groups * outputWords,
            };
        }
    }

    // Tokens at even positions of their token tile, over the m tokens of one batch.
    private static int EvenTokens(int m, int tileTokens)
    {
        int fullTiles = (m - 1) / tileTokens, last = m - fullTiles * tileTokens;
        return fullTiles * Ceiling(tileTokens, 2) + Ceiling(last, 2);
    }

    private static int Ceiling(int value, int divisor) => value / divisor + (value % divisor == 0 ? 0 : 1);
}
