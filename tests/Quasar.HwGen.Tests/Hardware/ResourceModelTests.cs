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

        // LUT: 24 × 10.9 (Table 4, packing 3) + 8 × 33.3 (Table 4, pure LUT) + 8 accumulators × 32 + 8 output lanes × 350
        //      + control 6,000 + AXI (4 × 1,500 + 300) + platform shell 8,000.
        Assert.That(total.Lut, Is.EqualTo(261.6 + 266.4 + 256 + 2_800 + 6_000 + 6_300 + 8_000).Within(1e-9));
        // FF:  24 × 12 + 8 × 22 + 8 × 32 + 8 × 400 + 9,000 + (4 × 2,500 + 400) + 12,000.
        Assert.That(total.Ff, Is.EqualTo(288 + 176 + 256 + 3_200 + 9_000 + 10_400 + 12_000).Within(1e-9));
    }

    [Test]
    public void A_small_engine_costs_the_hand_computed_brams()
    {
        var buffers = Small.Buffers;

        // Input: 4 six-bit words a cycle fit one 36-bit bank; 4 tokens × 16 = 64 words = 11 rows → 1 block; ping-pong 2.
        Assert.That(buffers.InputPingPong, Is.EqualTo(2));
        // Weights: an 8×4 tile every ⌈4/1⌉ = 4 cycles → 8 nibbles a cycle, one bank; 8 rows × 16 = 128 nibbles → 1 block; 2.
        Assert.That(buffers.WeightNibblesPerCycle, Is.EqualTo(8));
        Assert.That(buffers.WeightPingPong, Is.EqualTo(2));
        // Accumulators: 1 token × 8 rows of int32 a cycle → 8 banks of 4 words (1 block each); double → 16.
        Assert.That(buffers.Accumulators, Is.EqualTo(16));
        // Row parameters: 72-bit words, 2 banks of 36 bits, 8 rows deep → 2.
        Assert.That(buffers.RowParameters, Is.EqualTo(2));
        // Plus 4 AXI masters × 2 FIFO blocks.
        Assert.That(ResourceModel.Estimate(Small).Total.Bram, Is.EqualTo(2 + 2 + 16 + 2 + 8));
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
