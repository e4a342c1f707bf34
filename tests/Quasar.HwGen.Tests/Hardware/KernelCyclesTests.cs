using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Hardware.Kernel;

namespace Quasar.HwGen.Tests.Hardware;

/// <summary>The closed form of docs/kernel-layout.md §4 against calls counted by hand and against the formula's literal per-block sum.</summary>
[TestFixture]
public sealed class KernelCyclesTests
{
    /// <summary>LUT units only, PT 1 × TN 16 × TK 8 (CW = 4 words a chunk, HW = 1), TM 3.</summary>
    private static readonly EngineConfig Engine = new(DspUnits: 0, PackingFactor: 3, LutUnits: 128, TileTokens: 3, TileRows: 16, TileReduction: 8,
        MaxReduction: 64, MaxRows: 64, ClockMhz: 150);

    [Test]
    public void A_call_of_two_batches_split_into_token_tiles_of_3_and_2_counts_as_worked_out_by_hand()
    {
        // batches 2, m 5, k 20, N' 20 (12 rows, 8 of them 8-bit), int16 out, per-row tables.
        // KW = 2, kt = 3, CW = 4, HW = 1, rt = 1 group + 1 HIGH tile = 2, mt = 2 (3 + 2 tokens), OW = 2; DEPTH_ARRAY = log2 8 + 6 = 9.
        var c = KernelCycles.ForCall(Engine, batches: 2, m: 5, n: 12, k: 20, nibbleRows: 20, outBytes: 2, tableEntries: 12);

        Assert.That(c.ReadA, Is.EqualTo(2 * 5 * 2 + 64));
        Assert.That(c.ReadW, Is.EqualTo(2 * 2 * (2 * (1 + 3 * 4) + 64)));
        // The call's first token tile into the input buffer: 3·2 + 2. Then per token tile (3, 2, 3, 2 tokens in stream
        // order): its first header and chunk 1 + 4 + 2, one pipeline fill of 9, and one loop over the 6 blocks:
        //   4 blocks wait for the next chunk (max(s, 4)), 1 for the next row tile's header and chunk (max(s, 5)), the last streams s;
        // the next tile's 3·2 or 2·2 A words load in those iterations (24 and 23 of them), so nothing is left after.
        int tile3 = (1 + 4 + 2) + 9 + (4 * 4 + 5 + 3);
        int tile2 = (1 + 4 + 2) + 9 + (4 * 4 + 5 + 2);
        Assert.That((tile3, tile2), Is.EqualTo((40, 39)));
        Assert.That(c.Compute, Is.EqualTo(3 * 2 + 2 + 2 * (tile3 + tile2)));
        Assert.That(c.Output, Is.EqualTo(2 * (2 * (16 + 3 + 8) + 2 * (16 + 2 + 8))));
        // Two writers: out0 takes tokens 0 and 2 of the tile of 3 and token 0 of the tile of 2, per batch, in the one
        // writing tile (12 rows: one group of 16, its 8-bit rows' HIGH tile writes nothing).
        Assert.That(c.Write, Is.EqualTo(2 * (2 + 1) * 1 * 2 + 2));
        Assert.That(c.Tables, Is.EqualTo(12 + 64));
        Assert.That(c.Fill, Is.EqualTo(64 + 9 + 8 + 2));
        Assert.That(c.Binding, Is.EqualTo(KernelProcess.ReadW));
        Assert.That(c.Total, Is.EqualTo(2 * 2 * (2 * (1 + 3 * 4) + 64) + 83 + 76));
    }

    [Test]
    public void The_last_block_of_a_token_tile_waits_for_nothing()
    {
        // One block (rt = kt = 1) of s = 2 token steps: next() = 0, so it costs s + DEPTH_ARRAY, not CW = 4 + DEPTH_ARRAY.
        var c = KernelCycles.ForCall(Engine, batches: 1, m: 2, n: 16, k: 8, nibbleRows: 16, outBytes: 1, tableEntries: 1);

        Assert.That(c.Compute, Is.EqualTo(2 * 1 + 2 + (1 + 4 + 2) + 9 + 2));
    }

    [Test]
    public void Array_efficiency_stretches_only_the_arrays_streaming_iterations()
    {
        var full = KernelCycles.ForCall(Engine, 2, 5, 12, 20, 20, 2, 12);
        var half = KernelCycles.ForCall(Engine, 2, 5, 12, 20, 20, 2, 12, arrayEfficiency: 0.5);

        // Token steps double (6 and 4), so max(s, next) now picks s where it picked the 4- and 5-word loads before.
        int tile3 = (1 + 4 + 2) + 9 + (4 * 6 + 6 + 6);
        int tile2 = (1 + 4 + 2) + 9 + (4 * 4 + 5 + 4);
        Assert.That(half.Compute, Is.EqualTo(3 * 2 + 2 + 2 * (tile3 + tile2)));
        // The array streams s a block, and the tile's one pipeline fill.
        Assert.That(half.ArrayStreaming, Is.EqualTo(2 * (6 * 6 + 9 + 6 * 4 + 9)));
        Assert.That(full.ArrayStreaming, Is.EqualTo(2 * (6 * 3 + 9 + 6 * 2 + 9)));
        Assert.That((half.ReadA, half.ReadW, half.Output, half.Write, half.Tables), Is.EqualTo((full.ReadA, full.ReadW, full.Output, full.Write, full.Tables)));
    }

    [Test]
    public void The_closed_form_equals_the_documented_sum_over_every_block_of_random_calls()
    {
        var random = new Random(13);
        for (int i = 0; i < 300; i++)
        {
            int tn = 8 * random.Next(1, 9), tk = 8 * random.Next(1, 9), pt = random.Next(1, 5), tm = pt * random.Next(1, 20);
            var engine = Engine with { LutUnits = pt * tn * tk, TileRows = tn, TileReduction = tk, TileTokens = tm, MaxReduction = 1024, MaxRows = 1024 };
            int batches = random.Next(1, 5), m = random.Next(1, 200), k = random.Next(1, 1025), n = random.Next(1, 300);
            int nibbleRows = n + random.Next(0, n + 1), outBytes = random.Next(1, 3);
            double efficiency = random.Next(30, 101) / 100.0;

            var c = KernelCycles.ForCall(engine, batches, m, n, k, nibbleRows, outBytes, n, efficiency);

            double documented = DocumentedCompute(engine, batches, m, n, k, nibbleRows, efficiency);
            Assert.That(c.Compute, Is.EqualTo(documented).Within(1e-10 * documented), $"call {i}");
        }
    }

    [Test]
    public void The_derived_sizes_are_the_ones_the_host_word_layout_uses()
    {
        // One truth for KW, kt, CW, HW, rt, mt and OW: the model's sizes against Core's KernelWordSizes (the layout's).
        var random = new Random(17);
        for (int i = 0; i < 300; i++)
        {
            var geometry = new KernelGeometry(random.Next(1, 300), random.Next(1, 130), random.Next(1, 130));
            int n = random.Next(1, 500);
            var call = new KernelWordCall(random.Next(1, 5), random.Next(1, 400), n, random.Next(1, 3000), n + random.Next(0, n + 1), random.Next(1, 3), -128, 127, 0);

            var layout = KernelWordSizes.Of(call, geometry);
            var model = KernelCallSizes.For(geometry.TileTokens, geometry.TileRows, geometry.TileReduction, call.M, call.N, call.K, call.NibbleRows, call.OutBytes);

            Assert.That((model.TokenWords, model.Chunks, model.ChunkWords, model.HeaderWords, model.RowTiles, model.TokenTiles, model.OutputWords),
                Is.EqualTo((layout.TokenWords, layout.ReductionChunks, layout.ChunkWords, layout.HeaderWords, layout.RowTiles, layout.TokenTiles, layout.OutputWordsPerToken)), $"{call} on {geometry}");
            Assert.That(model.WeightBlockWords, Is.EqualTo(layout.BatchWeightWords));
        }
    }

    [Test]
    public void A_word_call_reads_one_table_entry_per_tensor_and_n_per_row()
    {
        var perRow = new KernelWordCall(Batches: 2, M: 5, N: 12, K: 20, NibbleRows: 20, OutBytes: 2, OutMin: -32768, OutMax: 32767, Flags: 0);
        var perTensor = perRow with { Flags = GemmFlags.PerTensor };

        Assert.That(KernelCycles.ForCall(Engine, perRow), Is.EqualTo(KernelCycles.ForCall(Engine, 2, 5, 12, 20, 20, 2, tableEntries: 12)));
        Assert.That(KernelCycles.ForCall(Engine, perTensor).Tables, Is.EqualTo(1 + 64));
    }

    [Test]
    public void A_call_outside_the_interface_is_refused_naming_the_argument()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelCycles.ForCall(Engine, 1, 5, 12, 20, 20, 3, 12));
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelCycles.ForCall(Engine, 0, 5, 12, 20, 20, 1, 12));
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelCycles.ForCall(Engine, 1, 5, 12, 20, 20, 1, 12, arrayEfficiency: 0));
    }

    /// <summary>docs/kernel-layout.md §4's compute row, literally: token tile by token tile in stream order, block by block.</summary>
    private static double DocumentedCompute(EngineConfig e, int batches, int m, int n, int k, int nibbleRows, double efficiency)
    {
        int kw = (k + 15) / 16, kt = (k + e.TileReduction - 1) / e.TileReduction, cw = (e.TileRows * e.TileReduction + 31) / 32;
        int hw = (32 + 2 * e.TileRows + 127) / 128;
        int rt = (n + e.TileRows - 1) / e.TileRows + (nibbleRows - n + e.TileRows - 1) / e.TileRows;
        int depthArray = (int)Math.Ceiling(Math.Log2(e.TileReduction)) + 6;
        var tiles = new List<int>();
        for (int h = 0; h < batches; h++)
            for (int first = 0; first < m; first += e.TileTokens) tiles.Add(Math.Min(e.TileTokens, m - first));
        double sum = tiles[0] * kw + 2;
        for (int i = 0; i < tiles.Count; i++)
        {
            double s = Math.Ceiling((double)tiles[i] / e.TokensPerCycle) / efficiency, iterations = 0;
            for (int j = 0; j < rt; j++)
            {
                for (int c = 0; c < kt; c++)
                {
                    int next = c + 1 < kt ? cw : j + 1 < rt ? hw + cw : 0;
                    iterations += Math.Max(s, next);
                }
            }
            double nextA = i + 1 < tiles.Count ? tiles[i + 1] * kw : 0;
            sum += hw + cw + 2 + depthArray + iterations + (nextA > iterations ? nextA - iterations + 2 : 0);
        }
        return sum;
    }
}
