using Quasar.HwGen.Core.Execution.Kernel;

namespace Quasar.HwGen.Tests.Kernel;

/// <summary>The statuses of the word kernel (docs/kernel-layout.md §1): which, in which order, and nothing written unless 0.</summary>
[TestFixture]
public sealed class WordGemmStatusTests
{
    private static readonly KernelGeometry Geometry = new(2, 3, 4);

    // n 4 rows, one of them 8-bit: nibble_rows 5; k 10.
    private static readonly KernelWordCall Valid = new(Batches: 1, M: 2, N: 4, K: 10, NibbleRows: 5, OutBytes: 1, OutMin: -128, OutMax: 127, Flags: 0);

    private static readonly GemmLimits Limits = new(MaxReduction: 10, MaxRows: 4);

    private static IEnumerable<TestCaseData> Refused()
    {
        yield return new TestCaseData(Valid with { Batches = 0 }, GemmStatus.NonPositiveDimension).SetName("batches 0: 4");
        yield return new TestCaseData(Valid with { M = -1 }, GemmStatus.NonPositiveDimension).SetName("m −1: 4");
        yield return new TestCaseData(Valid with { N = 0 }, GemmStatus.NonPositiveDimension).SetName("n 0: 4");
        yield return new TestCaseData(Valid with { K = 0 }, GemmStatus.NonPositiveDimension).SetName("k 0: 4");
        yield return new TestCaseData(Valid with { OutBytes = 4 }, GemmStatus.BadOutputBytes).SetName("out_bytes 4: 3");
        yield return new TestCaseData(Valid with { K = 11 }, GemmStatus.ReductionTooLong).SetName("k past MAX_REDUCTION: 1");
        yield return new TestCaseData(Valid with { N = 5, NibbleRows = 6 }, GemmStatus.TooManyRows).SetName("n past MAX_ROWS: 2");
        yield return new TestCaseData(Valid with { NibbleRows = 3 }, GemmStatus.NibbleRowsOutOfRange).SetName("nibble_rows below n: 6");
        yield return new TestCaseData(Valid with { NibbleRows = 9 }, GemmStatus.NibbleRowsOutOfRange).SetName("nibble_rows above 2n: 6");
        yield return new TestCaseData(Valid with { M = 0, OutBytes = 3, K = 11 }, GemmStatus.NonPositiveDimension).SetName("4 before 3 and 1");
        yield return new TestCaseData(Valid with { OutBytes = 3, K = 11 }, GemmStatus.BadOutputBytes).SetName("3 before 1");
        yield return new TestCaseData(Valid with { K = 11, N = 5, NibbleRows = 6 }, GemmStatus.ReductionTooLong).SetName("1 before 2");
        yield return new TestCaseData(Valid with { N = 5, NibbleRows = 1 }, GemmStatus.TooManyRows).SetName("2 before 6");
    }

    [TestCaseSource(nameof(Refused))]
    public void A_refused_call_returns_its_status_and_writes_nothing(KernelWordCall call, int status)
    {
        var output = Enumerable.Repeat(UInt128.MaxValue, 64).ToArray();

        Assert.That(WordGemm.Run(call, Geometry, new UInt128[64], new UInt128[64], new UInt128[8], output, Limits), Is.EqualTo(status));
        Assert.That(output, Is.All.EqualTo(UInt128.MaxValue));
        Assert.That(GemmStatus.Describe(status), Does.Not.StartWith("unknown"));
    }

    [Test]
    public void Nibble_rows_of_n_and_of_2n_are_accepted_and_per_tensor_calls_are_not_bounded_by_max_rows()
    {
        Assert.That(WordGemm.Check(Valid with { NibbleRows = 4 }, Limits), Is.EqualTo(GemmStatus.Ok));
        Assert.That(WordGemm.Check(Valid with { NibbleRows = 8 }, Limits), Is.EqualTo(GemmStatus.Ok));
        Assert.That(WordGemm.Check(Valid with { N = 50, NibbleRows = 100, Flags = GemmFlags.PerTensor | GemmFlags.All8Bit }, Limits), Is.EqualTo(GemmStatus.Ok));
    }

    [Test]
    public void The_retired_b_stride_status_is_no_longer_returned_by_the_logical_reference()
    {
        // B at column stride 2: read at that stride rather than refused with v1's status 5.
        var call = new GemmCall(1, 1, 1, 2, 0, 2, 0, 3, 2, 0, 1, 2, short.MinValue, short.MaxValue, GemmFlags.All8Bit);
        var output = new byte[2];

        Assert.That(StridedGemm.Run(call, [3, 5], [7, 99, 11], [], [0], [1 << 30], [30], output), Is.EqualTo(GemmStatus.Ok));
        Assert.That(BitConverter.ToInt16(output), Is.EqualTo(3 * 7 + 5 * 11));
        Assert.That(GemmStatus.Describe(GemmStatus.BNotUnitStride), Does.Contain("retired"));
    }
}
