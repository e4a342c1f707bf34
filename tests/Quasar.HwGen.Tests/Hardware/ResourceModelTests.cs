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
        // Streams (all shallow, one SRL LUT and one FF a bit): A words 128 + weight words 128 + headers 32 + 2·8 = 48
        //   + accumulators 1·8·14 = 112 (depth TM/PT = 4) + outputs 8·16 = 128 → 544.
        // LUT: 24 × 10.9 (Table 4, packing 3) + 8 × 33.3 (Table 4, pure LUT) + 8 accumulate adders × 14 + 8 output lanes
        //      × 350 + streams 544 + control 6,000 + AXI (3 × 1,500 + 300) + platform shell 8,000.
        Assert.That(total.Lut, Is.EqualTo(261.6 + 266.4 + 112 + 2_800 + 544 + 6_000 + 4_800 + 8_000).Within(1e-9));
        // FF:  24 × 12 + 8 × 22 + 8 × (12 + 14) + weight registers (2 × 8 × 4 × 4 + 8 DSPs × 27) + 8 × (400 + 72)
        //      + streams 544 + 9,000 + (3 × 2,500 + 400) + 12,000.
        Assert.That(total.Ff, Is.EqualTo(288 + 176 + 208 + (256 + 216) + 3_776 + 544 + 9_000 + 7_900 + 12_000).Within(1e-9));
    }

    [Test]
    public void A_small_engine_costs_the_hand_computed_brams()
    {
        var buffers = Small.Buffers;

        Assert.That((buffers.ReductionBuffer, buffers.AccumulatorBits, buffers.PsumBits), Is.EqualTo((16, 14, 12)));
        // Input: filled a 16-byte word a cycle (wider than the PT·TK = 4 the array reads): 16 bytes, 4 a 36-bit row →
        // 4 banks; 4 tokens × 16 = 64 bytes → 4 rows a bank → 1 block each.
        Assert.That(buffers.InputBuffer, Is.EqualTo(4));
        // Accumulators, one copy: 8 sums of 14 bits a cycle, 2 a row → 4 banks; 4 × 8 = 32 sums → 4 rows a bank.
        Assert.That(buffers.Accumulators, Is.EqualTo(4));
        // Pending high sums: 4 × 14 bits, one bank.
        Assert.That(buffers.PendingHighSums, Is.EqualTo(1));
        // Row tables: 72-bit words, 2 banks of 36 bits, 8 rows deep.
        Assert.That(buffers.RowTables, Is.EqualTo(2));
        // No weight buffer (weights stream into registers); every stream is shallow; 3 m_axi adapters × 4 FIFO blocks.
        Assert.That(ResourceModel.Estimate(Small).Total.Bram, Is.EqualTo(4 + 4 + 1 + 2 + 12));
    }

    [Test]
    public void The_accumulator_stream_holds_a_token_tile_and_moves_to_bram_beyond_32_beats()
    {
        // TM 64, PT 1: 64 beats of 8 × 14 = 112 bits, too deep for shift registers: 112 bits span 4 banks of 36, 64 deep.
        var deep = Small with { TileTokens = 64 };
        var stream = ResourceModel.Estimate(deep).Components.Single(c => c.Name.StartsWith("stream compute → output (PT × TN", StringComparison.Ordinal));

        Assert.That(stream.Name, Does.EndWith("112 bits × 64"));
        Assert.That(stream.Usage, Is.EqualTo(new ResourceUsage(0, 112, 0, 4)));
    }

    [Test]
    public void Accumulators_widen_with_the_longest_reduction_by_its_log2()
    {
        // K ≤ 16 → K_BUF 16 → 14 bits; K ≤ 17 → K_BUF 20 (whole TK chunks) → 10 + ⌈log2 20⌉ = 15 bits.
        Assert.That(Small.Buffers.AccumulatorBits, Is.EqualTo(14));
        Assert.That((Small with { MaxReduction = 17 }).Buffers.AccumulatorBits, Is.EqualTo(15));
    }

    [TestCase(1, 6, 512 * 6, 1, Description = "one bank, exactly full")]
    [TestCase(1, 6, 512 * 6 + 1, 2, Description = "one word more cascades a second block")]
    [TestCase(7, 6, 7, 2, Description = "7 six-bit words a cycle need two 36-bit banks")]
    [TestCase(2, 32, 2048, 4, Description = "2 int32 banks, 1024 deep each")]
    [TestCase(1, 72, 1000, 4, Description = "a 72-bit word spans 2 banks, 1000 deep each")]
    public void A_buffer_takes_enough_banks_for_its_width_and_enough_blocks_for_its_depth(int wordsPerCycle, int wordBits, long words, int blocks)
    {
        Assert.That(BufferPlan.Blocks(wordsPerCycle, wordBits, words), Is.EqualTo(blocks));
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
