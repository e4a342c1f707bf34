using System.Runtime.InteropServices;
using Quasar.HwGen.Core.Execution.Kernel;

namespace Quasar.HwGen.Tests.Kernel;

/// <summary>
/// A layout small enough to compute by hand (docs/kernel-layout.md §2–3), pinned word by word: TM 2, TN 3, TK 2; three
/// rows, 8-bit, 8-bit, 4-bit, one group of 3 holding 8-bit rows, so tile 0 is [HIGH 0, HIGH 1, EMPTY] (it writes
/// nothing) and tile 1 [LOW 0, LOW 1, ROW4 2]; k = 3 (chunk 1 half padding), m = 3 (a token tile of 2, then 1).
/// </summary>
[TestFixture]
public sealed class KernelWordLayoutTests
{
    private static readonly KernelGeometry Geometry = new(TileTokens: 2, TileRows: 3, TileReduction: 2);

    // A with a padded row stride of 4 (the pad bytes must not reach the words).
    private static readonly sbyte[] A = [1, -2, 3, 99, -32, 31, 0, 99, 5, 6, -7, 99];

    private static readonly sbyte[] B = [0x12, -0x35, 0x7F, -1, 0x40, -128, -8, 7, -1];

    private static readonly byte[] RowIs8 = [1, 1, 0];

    private static readonly GemmCall Call = new(
        Batches: 1, M: 3, N: 3, K: 3, ABatchStride: 0, ARowStride: 4, BBatchStride: 0, BRowStride: 3, BColStride: 1,
        OutBatchStride: 0, OutRowStride: 3, OutBytes: 2, OutMin: short.MinValue, OutMax: short.MaxValue, Flags: 0);

    private static readonly int[] Bias = [100, -1, 7];
    private static readonly int[] Multiplier = [1 << 30, 1 << 30, 1 << 30];
    private static readonly byte[] Shift = [30, 30, 30];

    private static KernelCallPlan Plan => KernelWordLayout.Plan(Call, RowIs8, Geometry);

    [Test]
    public void The_tiling_puts_an_8_bit_row_s_two_passes_in_the_same_slot_of_consecutive_tiles()
    {
        var tiling = Plan.Tiling;
        Assert.That((tiling.NibbleRows, tiling.RowTiles, tiling.OutputGroups), Is.EqualTo((5, 2, 1)));
        Assert.That(tiling.Kinds(0).ToArray(), Is.EqualTo(new[] { NibbleKind.High, NibbleKind.High, NibbleKind.Empty }));
        Assert.That(tiling.Kinds(1).ToArray(), Is.EqualTo(new[] { NibbleKind.Low, NibbleKind.Low, NibbleKind.Row4 }));
        Assert.That((tiling.FirstRow(0), tiling.FirstRow(1)), Is.EqualTo((0, 0)));
        Assert.That((tiling.Writes(0), tiling.Writes(1)), Is.EqualTo((false, true)));
        Assert.That((tiling.CompletingSlots(1).ToArray(), tiling.CompletedRows(1).ToArray()), Is.EqualTo((new[] { 0, 1, 2 }, new[] { 0, 1, 2 })));
    }

    [Test]
    public void The_kernel_s_row_order_puts_8_bit_rows_first_and_the_row_tables_follow_it()
    {
        // Rows 4-bit, 8-bit, 4-bit, 8-bit → kernel order 1, 3, 0, 2; with TN 3: group [1, 3, 0] (HIGH 1, HIGH 3, EMPTY;
        // then LOW 1, LOW 3, ROW4 0) and group [2] (ROW4 2).
        var call = Call with { N = 4 };
        byte[] rowIs8 = [0, 1, 0, 1];
        var tiling = NibbleRowTiling.Create(call, rowIs8, 3);

        Assert.That(tiling.KernelOrder, Is.EqualTo(new[] { 1, 3, 0, 2 }));
        Assert.That(tiling.RowTiles, Is.EqualTo(3));
        Assert.That(tiling.Rows(0).ToArray(), Is.EqualTo(new[] { 1, 3, -1 }));
        Assert.That(tiling.Rows(1).ToArray(), Is.EqualTo(new[] { 1, 3, 0 }));
        Assert.That((tiling.Kinds(2).ToArray(), tiling.Rows(2).ToArray(), tiling.FirstRow(2)),
            Is.EqualTo((new[] { NibbleKind.Row4, NibbleKind.Empty, NibbleKind.Empty }, new[] { 2, -1, -1 }, 3)));
        var rows = KernelWordLayout.PackRows(call, tiling, [10, 11, 12, 13], [1, 1, 1, 1], [1, 1, 1, 1]);
        Assert.That(rows.Select(w => (int)(uint)(w & uint.MaxValue)), Is.EqualTo(new[] { 11, 13, 10, 12 }));
    }

    [Test]
    public void The_derived_sizes_follow_the_contract_table()
    {
        var sizes = Plan.Sizes;
        Assert.That(Plan.WordCall, Is.EqualTo(new KernelWordCall(1, 3, 3, 3, 5, 2, short.MinValue, short.MaxValue, 0)));
        Assert.That((sizes.TokenWords, sizes.ReductionChunks, sizes.ChunkWords, sizes.HeaderWords, sizes.RowTiles, sizes.TokenTiles, sizes.OutputWordsPerToken),
            Is.EqualTo((1, 2, 1, 1, 2, 2, 1)));
        Assert.That((sizes.TileWords, sizes.AWords, sizes.WWords, sizes.RowsWords, sizes.OutWords), Is.EqualTo((3, 3, 6, 3, 3)));
    }

    [Test]
    public void A_rows_and_the_weight_stream_are_these_words()
    {
        // Token rows, byte j = activation j; the padded stride's 99s are gone.
        Assert.That(KernelWordLayout.PackA(Plan, A), Is.EqualTo(new UInt128[] { 0x03FE01, 0x001FE0, 0xF90605 }));

        // bias [31:0], multiplier [63:32], shift [71:64].
        Assert.That(KernelWordLayout.PackRows(Call, Plan.Tiling, Bias, Multiplier, Shift), Is.EqualTo(new[]
        {
            new UInt128(30, 0x40000000_00000064),
            new UInt128(30, 0x40000000_FFFFFFFF),
            new UInt128(30, 0x40000000_00000007),
        }));

        // Row 0 = 0x12 0xCB 0x7F (high 1 C 7, low 2 B F), row 1 = 0xFF 0x40 0x80 (high F 4 8, low F 0 0), row 2 = −8 7 −1 (8 7 F).
        Assert.That(KernelWordLayout.PackWeights(Plan, B), Is.EqualTo(new UInt128[]
        {
            0xA_0000_0000,  // tile 0 header: first_row 0; kinds HIGH (2), HIGH (2), EMPTY (0) at bits 32, 34, 36
            0x4FC1,         // chunk 0, lanes 0-1: slot 0 = 1 C (high nibbles of row 0), slot 1 = F 4 (row 1), slot 2 empty
            0x807,          // chunk 1, lane 2 (lane 3 past k is 0): slot 0 = 7, slot 1 = 8
            0x1F_0000_0000, // tile 1 header: first_row 0; kinds LOW (3), LOW (3), ROW4 (1)
            0x780FB2,       // chunk 0: slot 0 = 2 B (low nibbles of row 0), slot 1 = F 0 (row 1), slot 2 = 8 7 (row 2)
            0xF000F,        // chunk 1: slot 0 = F, slot 1 = 0, slot 2 = F
        }));
    }

    /// <summary>out(t, r) = acc(t, r) + bias(r) (M = 2^30, S = 30), acc by hand; int16 elements, one per slot.</summary>
    private static readonly short[] Logical = [605, -514, -18, -2119, 2015, 480, -1017, 1274, 16];

    private static readonly UInt128[] OutputWords =
    [
        0xFFEE_FDFE_025D, // token 0, tile 1 (tile 0 writes nothing): slots 0-2 = rows 0-2 = 605, −514, −18
        0x01E0_07DF_F7B9, // token 1
        0x0010_04FA_FC07, // token 2 (second token tile)
    ];

    [Test]
    public void The_model_of_the_kernel_computes_these_output_words_from_those_inputs()
    {
        var (status, output) = WordGemm.Run(Plan.WordCall, Geometry, KernelWordLayout.PackA(Plan, A), KernelWordLayout.PackWeights(Plan, B),
            KernelWordLayout.PackRows(Call, Plan.Tiling, Bias, Multiplier, Shift));

        Assert.That(status, Is.EqualTo(GemmStatus.Ok));
        Assert.That(output, Is.EqualTo(OutputWords));
    }

    [Test]
    public void Output_words_unpack_to_the_logical_output_and_pack_back()
    {
        var logical = new byte[Logical.Length * 2];
        KernelWordLayout.UnpackOutput(Plan, OutputWords, logical);

        Assert.That(MemoryMarshal.Cast<byte, short>(logical).ToArray(), Is.EqualTo(Logical));
        Assert.That(KernelWordLayout.PackOutput(Plan, logical), Is.EqualTo(OutputWords));
        var reference = new byte[logical.Length];
        StridedGemm.Run(Call, A, B, RowIs8, Bias, Multiplier, Shift, reference);
        Assert.That(reference, Is.EqualTo(logical), "the hand-computed output is the logical reference's");
    }

    [Test]
    public void A_header_wider_than_a_word_continues_in_the_next_word()
    {
        // TN 49: 32 + 2·49 = 130 header bits, so slot 48's kind is bits [1:0] of the second word.
        var call = new GemmCall(1, 1, 49, 1, 0, 1, 0, 1, 1, 0, 49, 1, -128, 127, 0);
        var plan = KernelWordLayout.Plan(call, new byte[49], new KernelGeometry(1, 49, 1));
        var weights = Enumerable.Repeat((sbyte)-1, 49).ToArray();

        var words = KernelWordLayout.PackWeights(plan, weights);

        Assert.That(plan.Sizes.HeaderWords, Is.EqualTo(2));
        var rowFourKinds = Enumerable.Range(0, 48).Aggregate(UInt128.Zero, (bits, slot) => bits | (UInt128.One << (32 + 2 * slot)));
        Assert.That(words[..2], Is.EqualTo(new[] { rowFourKinds, UInt128.One }));
        Assert.That(words[2..], Is.EqualTo(new[] { new UInt128(ulong.MaxValue, ulong.MaxValue), (UInt128.One << 68) - 1 }), "49 nibbles of −1: 32 in a word, 17 in the next");
    }

    [Test]
    public void A_four_bit_weight_outside_its_range_is_refused_not_truncated()
    {
        var bad = (sbyte[])B.Clone();
        bad[7] = 8;
        Assert.That(() => KernelWordLayout.PackWeights(Plan, bad), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("(0, 2, 1)"));
    }

    [Test]
    public void An_operand_shorter_than_the_strides_address_is_refused()
    {
        Assert.That(() => KernelWordLayout.PackA(Plan, A[..10]), Throws.ArgumentException.With.Message.Contains("element 10"));
        Assert.That(() => KernelWordLayout.PackWeights(Plan, B[..8]), Throws.ArgumentException.With.Message.Contains("element 8"));
        Assert.That(() => KernelWordLayout.PackA(Plan, A, new UInt128[2]), Throws.ArgumentException.With.Message.Contains("needs 3"));
    }
}
