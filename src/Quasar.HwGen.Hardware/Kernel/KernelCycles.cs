using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Hardware.Constants;
using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Hardware.Latency;

namespace Quasar.HwGen.Hardware.Kernel;

/// <summary>
/// The closed form of docs/kernel-layout.md §4: the cycles the kernel's accounting build counts for one call, process
/// by process. At an array efficiency of 1 it is exactly the documented formula; below 1 only the array's streaming
/// iterations stretch (⌈t/PT⌉/η in max(⌈t/PT⌉, next)), since the loaders and the output stage are plain II-1 copy
/// loops. O(1) in the call's size: the rt·kt blocks of a token tile fall into three kinds (next = CW, HW + CW, 0).
/// </summary>
public static class KernelCycles
{
    /// <summary>Cycles of the word call <paramref name="call"/> (the scalars a golden file or a <c>CYCLES</c> line carries).</summary>
    public static KernelCallCycles ForCall(EngineConfig engine, in KernelWordCall call, double arrayEfficiency = 1) =>
        ForCall(engine, call.Batches, call.M, call.N, call.K, call.NibbleRows, call.OutBytes, call.TableRows, arrayEfficiency);

    /// <summary>Cycles of the kernel call that runs <paramref name="shape"/> (its batches, m, k, N', out_bytes and table entries).</summary>
    public static KernelCallCycles ForCall(EngineConfig engine, in GemmShape shape, double arrayEfficiency = 1) =>
        ForCall(engine, shape.Batches, shape.Tokens, shape.Rows, shape.Reduction, shape.NibbleRows, shape.OutputBytes, shape.TableEntries, arrayEfficiency);

    /// <summary>
    /// Cycles of one call of <c>quasar_gemm</c> on <paramref name="engine"/> (its TM, TN, TK and PT).
    /// </summary>
    /// <param name="batches">Batches of the call (1 for a linear layer, the heads for attention).</param>
    /// <param name="m">Tokens per batch.</param>
    /// <param name="n">Output rows.</param>
    /// <param name="k">Reduction length.</param>
    /// <param name="nibbleRows">N' = Σ over the n output rows of 2 (8-bit) or 1 (4-bit).</param>
    /// <param name="outBytes">Bytes of an output element, 1 or 2.</param>
    /// <param name="tableEntries">E: row-table entries read before the region (1 per tensor, else n).</param>
    /// <param name="arrayEfficiency">η ∈ (0, 1]: the share of its streaming cycles the array issues a token step.</param>
    public static KernelCallCycles ForCall(EngineConfig engine, int batches, int m, int n, int k, int nibbleRows, int outBytes, int tableEntries, double arrayEfficiency = 1)
    {
        ArgumentNullException.ThrowIfNull(engine);
        int pt = engine.TokensPerCycle, tm = engine.TileTokens, tn = engine.TileRows, tk = engine.TileReduction;
        if (pt <= 0 || tm <= 0 || tn <= 0 || tk <= 0)
            throw new ArgumentException($"the engine's tiles must be positive (PT {pt}, TM {tm}, TN {tn}, TK {tk})", nameof(engine));
        if (batches <= 0 || m <= 0 || k <= 0 || tableEntries <= 0)
            throw new ArgumentOutOfRangeException(nameof(batches), $"batches {batches}, m {m}, k {k} and table entries {tableEntries} must be positive");
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "a call has at least one output row");
        if (nibbleRows < n || nibbleRows > 2 * n) throw new ArgumentOutOfRangeException(nameof(nibbleRows), nibbleRows, $"N' is between n and 2n ({n} and {2 * n})");
        if (outBytes is not (1 or 2)) throw new ArgumentOutOfRangeException(nameof(outBytes), outBytes, "outputs are 1 or 2 bytes");
        if (!(arrayEfficiency is > 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(arrayEfficiency), arrayEfficiency, "the array efficiency is in (0, 1]");

        var z = KernelCallSizes.For(tm, tn, tk, m, n, k, nibbleRows, outBytes);
        int depthArray = KernelDepths.Array(tk);
        double b = batches, rt = z.RowTiles;
        double fullTiles = z.TokenTiles - 1;

        double readA = b * m * z.TokenWords + KernelDepths.Axi;
        double readW = b * z.TokenTiles * (z.WeightBlockWords + KernelDepths.Axi);
        // Token tiles in stream order: per batch, mt − 1 full tiles then the last; each loads the next one's activations
        // (the next batch's first after a batch's last, nothing after the call's last) while its blocks run.
        int lastTokens = z.LastTileTokens, firstTokens = z.TokenTiles > 1 ? tm : lastTokens;
        double fullToFull = b * Math.Max(0, z.TokenTiles - 2), fullToLast = z.TokenTiles > 1 ? b : 0;
        var fullFull = TokenTile(tm, tm);
        var fullLast = TokenTile(tm, lastTokens);
        var lastFirst = TokenTile(lastTokens, firstTokens);
        var lastNone = TokenTile(lastTokens, 0);
        double compute = (double)firstTokens * z.TokenWords + KernelDepths.Loop
            + fullToFull * fullFull.Compute + fullToLast * fullLast.Compute + (b - 1) * lastFirst.Compute + lastNone.Compute;
        double streaming = fullToFull * fullFull.Streaming + fullToLast * fullLast.Streaming
            + (b - 1) * lastFirst.Streaming + lastNone.Streaming;
        double output = b * rt * (z.TokenTiles * (double)(tn + KernelDepths.Output) + m);
        // Two writers side by side (out0: a row tile's even tokens, out1: its odd ones); out0's share is the larger.
        double evenTokens = fullTiles * Math.Ceiling(tm / 2.0) + Math.Ceiling(z.LastTileTokens / 2.0);
        double write = b * evenTokens * z.OutputGroups * z.OutputWords + KernelDepths.Loop;
        double tables = tableEntries + KernelDepths.Axi;
        double fill = KernelDepths.Axi + depthArray + KernelDepths.Output + KernelDepths.Loop;
        return new KernelCallCycles(readA, readW, compute, output, write, tables, fill, streaming);

        // One token tile of t tokens followed by one of tNext: load its first header and chunk, then one pipelined loop
        // over the rt·kt blocks, each max(⌈t/PT⌉ token steps, the next block's words), while the next tile's A words load
        // into the other input bank; what of them the loop had no iterations for loads after it.
        (double Compute, double Streaming) TokenTile(int t, int tNext)
        {
            double steps = Math.Ceiling((double)t / pt) / arrayEfficiency;
            double kt = z.Chunks, cw = z.ChunkWords, hw = z.HeaderWords;
            double iterations = rt * (kt - 1) * Math.Max(steps, cw)   // next chunk of the same row tile
                + (rt - 1) * Math.Max(steps, hw + cw)                 // the next row tile's header and chunk 0
                + steps;                                              // the last block: nothing to load
            double nextA = (double)tNext * z.TokenWords;
            double rest = nextA > iterations ? nextA - iterations + KernelDepths.Loop : 0;
            double preload = hw + cw + KernelDepths.Loop;
            return (preload + depthArray + iterations + rest, rt * kt * steps + depthArray);
        }
    }
}
