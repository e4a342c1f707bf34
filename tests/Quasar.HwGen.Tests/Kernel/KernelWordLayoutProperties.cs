using CsCheck;
using Quasar.HwGen.Core.Execution.Kernel;

namespace Quasar.HwGen.Tests.Kernel;

/// <summary>
/// For random calls and random geometries (TN odd and even, so 8-bit rows split across tiles; k not a multiple of 16 or
/// TK; m not a multiple of TM): packing the logical operands, running the C# model of the kernel on the words, and
/// unpacking its output words gives <see cref="StridedGemm"/>'s output bit for bit, and the output words are exactly the
/// packed reference output (holes 0).
/// </summary>
[TestFixture]
public sealed class KernelWordLayoutProperties
{
    private static readonly Gen<KernelGeometry> Geometries = Gen.Select(
        Gen.Int[1, 6], Gen.OneOf(Gen.Int[1, 9], Gen.OneOf<int>(31, 32, 49, 64)), Gen.Int[1, 20],
        (tm, tn, tk) => new KernelGeometry(tm, tn, tk));

    private static readonly Gen<RandomGemmCase> Cases = Gen.Select(
        Gen.Int[0, RandomGemmCase.Kinds.Length - 1], Geometries, Gen.Int[1, 3], Gen.Int[1, 13], Gen.Int[1, 12], Gen.Int[1, 40], Gen.Int[0, int.MaxValue],
        RandomGemmCase.Create);

    [Test]
    public void The_model_on_packed_words_unpacks_to_the_logical_reference_bit_for_bit()
    {
        Cases.Sample(c =>
        {
            var plan = KernelWordLayout.Plan(c.Call, c.RowIs8, c.Geometry);
            var (status, words) = WordGemm.Run(plan.WordCall, c.Geometry, KernelWordLayout.PackA(plan, c.A), KernelWordLayout.PackWeights(plan, c.B),
                KernelWordLayout.PackRows(c.Call, plan.Tiling, c.Bias, c.Multiplier, c.Shift));
            Assert.That(status, Is.EqualTo(GemmStatus.Ok));

            var expected = Enumerable.Repeat((byte)0xA5, c.OutputLength).ToArray();
            Assert.That(StridedGemm.Run(c.Call, c.A, c.B, c.RowIs8, c.Bias, c.Multiplier, c.Shift, expected), Is.EqualTo(GemmStatus.Ok));
            var actual = Enumerable.Repeat((byte)0xA5, c.OutputLength).ToArray();
            KernelWordLayout.UnpackOutput(plan, words, actual);

            Assert.That(actual, Is.EqualTo(expected), "unpacked model output vs StridedGemm");
            Assert.That(words, Is.EqualTo(KernelWordLayout.PackOutput(plan, expected)), "model output words vs the packed reference output");
        }, iter: PropertyRuns.Scaled(1500), print: c => c.ToString());
    }

    [Test]
    public void Every_call_s_nibble_rows_pass_the_kernel_s_check()
    {
        Cases.Sample(c =>
        {
            var word = KernelWordCall.From(c.Call, c.RowIs8);
            int eightBit = Enumerable.Range(0, c.Call.N).Count(r => c.Call.All8Bit || c.RowIs8[c.Call.PerTensor ? 0 : r] != 0);
            Assert.That(word.NibbleRows, Is.EqualTo(c.Call.N + eightBit));
            Assert.That(WordGemm.Check(word, GemmLimits.Unbounded), Is.EqualTo(GemmStatus.Ok));
        }, iter: PropertyRuns.Scaled(300), print: c => c.ToString());
    }
}
