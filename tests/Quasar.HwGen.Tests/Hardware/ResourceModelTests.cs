using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Hardware.Resources;

namespace Quasar.HwGen.Tests.Hardware;

/// <summary>The resource model against sums worked out by hand from Table 4 and the documented overheads.</summary>
[TestFixture]
public sealed class ResourceModelTests
{
    /// <summary>24 DSP units (8 DSPs, packing 3) + 8 LUT units = one 8×4 weight tile, one token a cycle; TM 4, K ≤ 16, 8 rows.</summary>
    private static readonly EngineConfig Small = new(DspUnits: 24, PackingFactor: 3, LutUnits: 8, TileTokens: 4, TileRows: 8, TileReduction: 4,
        MaxReduction: 16, MaxRows: 8, ClockMhz: 150);

    [Test]
    public void A_small_engine_costs_the_hand_computed_dsps()
    {
        // Array: 24 units / 3 per DSP = 8. Output stage: 8 lanes (one per array row) × 4 DSPs per int32 × int32 = 32.
        Assert.That(ResourceModel.Estimate(Small).Total.Dsp, Is.EqualTo(40));
    }

    [Test]
    public void A_small_engine_costs_the_hand_computed_luts_and_flip_flops()
    {
        var total = ResourceModel.Estimate(Small).Total;

        // Widths: K_BUF = 16, accumulators 10 + log2 16 = 14 bits, partial sums 10 + log2 4 = 12 bits.
        // Shift-register streams (depth 2, ≤ 1,024 bits; a LUT and a FF a bit): a_words 128 + w_words 128
        //   + descs 32 × (1 + 8) = 288 → 544. The sums (4 deep) and outs (4 deep) streams are memories.
        // LUT: 24 × 10.9 (Table 4, packing 3) + 8 × 33.3 (Table 4, pure LUT) + 8 accumulate adders × 14 + 8 output lanes
        //      × 350 + streams 544 + control 6,000 + AXI (4 × 1,500 + 300) + platform shell 8,000.
        Assert.That(total.Lut, Is.EqualTo(261.6 + 266.4 + 112 + 2_800 + 544 + 6_000 + 6_300 + 8_000).Within(1e-9));
        // FF:  24 × 12 + 8 × 22 + 8 × (12 + 14) + weight registers (HW + CW = 2 words × 128 + 4 × 8 operands × 5
        //      + 8 DSP A words × 27) + 8 lanes × (400 + 32 + 32 + 6 + 1) + 2 writers × 1 word × 128 + streams 544
        //      + 9,000 + (4 × 2,500 + 400) + 12,000.
        Assert.That(total.Ff, Is.EqualTo(288 + 176 + 208 + (256 + 160 + 216) + 3_768 + 256 + 544 + 9_000 + 10_400 + 12_000).Within(1e-9));
    }

    [Test]
    public void A_small_engine_costs_the_hand_computed_brams()
    {
        var buffers = Small.Buffers;

        Assert.That((buffers.ReductionBuffer, buffers.AccumulatorBits, buffers.PsumBits), Is.EqualTo((16, 14, 12)));
        // Input: two copies (double-buffered) × lanes cyclic by lcm(TK 4, 16 bytes a word) = 16 banks, each 4 tokens ×
        // 16 / 16 lanes = 4 deep.
        Assert.That(buffers.Input, Is.EqualTo(new OnChipMemory("input buffer", 2 * 16, 4, 6)));
        // Accumulators, one copy, complete on the 8 rows: 8 banks of 4 × 14 bits.
        Assert.That(buffers.Accumulators, Is.EqualTo(new OnChipMemory("accumulator memory", 8, 4, 14)));
        // Pending high sums per token and slot: 8 banks of 4 × 14 bits. Every bank a block; the row tables are three.
        Assert.That(buffers.PendingHighSums, Is.EqualTo(new OnChipMemory("pending high sums", 8, 4, 14)));
        Assert.That(buffers.Total, Is.EqualTo(32 + 8 + 8 + 3));
        // No weight buffer (weights stream into registers); streams sums (112 bits × 4) and the two output streams
        // (128 bits × 3 each) 4 blocks each (36-bit columns); 4 m_axi adapters × 4 blocks of burst FIFO (256 × 128 bits).
        Assert.That(ResourceModel.Estimate(Small).Total.Bram, Is.EqualTo(51 + 4 + 2 * 4 + 16));
    }

    [Test]
    public void The_input_buffer_is_banked_as_its_partition_pragmas_bank_it()
    {
        // Two copies × PT 2 × TK 24: tokens cyclic by 2, lanes by lcm(24, 16) = 48; K ≤ 100 → K_BUF 120 (five chunks of 24), wider than
        // the 7 words × 16 = 112 bytes of a row; 8 tokens → 4 a bank × ⌈120 / 48⌉ = 3 lanes a bank.
        var engine = Small with { DspUnits = 0, LutUnits = 384, TileTokens = 8, TileReduction = 24, MaxReduction = 100 };

        Assert.That(engine.Buffers.Input, Is.EqualTo(new OnChipMemory("input buffer", 2 * 2 * 48, 4 * 3, 6)));
    }

    [Test]
    public void Accumulators_widen_with_the_longest_reduction_by_its_log2()
    {
        // K ≤ 16 → K_BUF 16 → 14 bits; K ≤ 17 → K_BUF 20 (whole TK chunks) → 10 + ⌈log2 20⌉ = 15 bits.
        Assert.That(Small.Buffers.AccumulatorBits, Is.EqualTo(14));
        Assert.That((Small with { MaxReduction = 17 }).Buffers.AccumulatorBits, Is.EqualTo(15));
    }

    [TestCase(2, 128, 128, 0, Description = "a word pair: shift registers")]
    [TestCase(2, 513, 0, 15, Description = "1,026 bits: past Vitis' auto-SRL bound, a memory 15 columns of 36 bits wide")]
    [TestCase(3, 8, 0, 1, Description = "3 deep: past the auto-SRL depth, a memory")]
    public void A_stream_fifo_costs_what_vitis_binds_by_default(int depth, int width, int luts, int brams)
    {
        var cost = FifoCost.Of(new StreamFifo("s", width, depth));

        Assert.That(cost, Is.EqualTo(new ResourceUsage(luts, luts, 0, brams)));
    }

    [TestCase(512, 36, 1, Description = "512 × 36, exactly full")]
    [TestCase(513, 36, 2, Description = "one word more: a second block")]
    [TestCase(2_048, 9, 1, Description = "2K × 9")]
    [TestCase(2_049, 6, 2, Description = "4K × 4 twice, or 2K × 9 twice")]
    [TestCase(400, 6, 1, Description = "a shallow 6-bit bank still takes a block")]
    [TestCase(1_000, 72, 4, Description = "1K × 18 four wide")]
    [TestCase(16_384, 1, 1, Description = "16K × 1")]
    public void A_bank_takes_the_ramb18_shape_that_needs_the_fewest_blocks(long depth, int width, int blocks)
    {
        Assert.That(OnChipMemory.BlocksPerBank(depth, width), Is.EqualTo(blocks));
    }

    [Test]
    public void Dsp_units_beyond_whole_dsps_per_array_column_are_refused()
    {
        // 1 token × 8 rows × 8 reduction, packing 3: a column of 8 rows holds 2 DSPs (6 units), so at most 48 of 64 units.
        var config = Small with { DspUnits = 63, PackingFactor = 3, LutUnits = 1, TileRows = 8, TileReduction = 8, TileTokens = 8 };
        Assert.That(EngineConfig.PackableUnits(3, 1, 8, 8), Is.EqualTo(48));
        Assert.That(config.FindIssues(), Has.Some.Contains("exceed the 48 a 1×8×8 array can pack"));
        Assert.That((config with { DspUnits = 48, LutUnits = 16 }).FindIssues(), Is.Empty);
    }

    [Test]
    public void Packing_4_costs_a_quarter_dsp_and_12_9_luts_per_unit()
    {
        // 32 units on an 8×4 tile take one token a cycle, but a packing-4 DSP multiplies two tokens' activations.
        var packed4 = Small with { DspUnits = 32, PackingFactor = 4, LutUnits = 0 };
        Assert.That(packed4.FindIssues(), Has.Some.Contains("packing 4 pairs two tokens"));

        var valid = packed4 with { TileReduction = 2 }; // 32 / (8 × 2) = 2 tokens a cycle
        var array = ResourceModel.Estimate(valid).Components[0];

        Assert.That(array.Usage.Dsp, Is.EqualTo(8));
        Assert.That(array.Usage.Lut, Is.EqualTo(32 * 12.9).Within(1e-9));
    }

    [Test]
    public void An_inconsistent_engine_is_refused_with_every_reason()
    {
        var bad = Small with { DspUnits = 25, TileTokens = 3 };

        var error = Assert.Throws<ArgumentException>(() => ResourceModel.Estimate(bad))!;

        Assert.That(error.Message, Does.Contain("25 DSP units do not fill whole DSPs of 3 units"));
        Assert.That(error.Message, Does.Contain("33 units are not a whole number of 8×4 weight tiles"));
    }
}
