using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.HwGen.Tests.Numerics.HostOps;

/// <summary>Row-wise softmax with the max subtracted.</summary>
[TestFixture]
public sealed class SoftmaxTests
{
    [Test]
    public void A_row_matches_the_hand_computation()
    {
        var y = new float[3];

        Softmax.Apply([1, 2, 3], 3, y);

        Assert.That(y, Is.EqualTo(new[] { 0.09003057f, 0.24472847f, 0.66524096f }).Within(1e-7f));
    }

    [Test]
    public void Large_logits_do_not_overflow_because_the_max_is_subtracted()
    {
        var y = new float[4];

        Softmax.Apply([1000, 1000, -1000, 1000 - MathF.Log(2)], 4, y);

        Assert.That(y, Is.EqualTo(new[] { 0.4f, 0.4f, 0f, 0.2f }).Within(1e-4f)); // 1000 − ln 2 rounds by 3e-5 in float32
        Assert.That(MathF.Exp(1000), Is.EqualTo(float.PositiveInfinity), "without the max subtracted, exp overflows");
    }

    [Test]
    public void Rows_are_independent_sum_to_one_and_may_be_computed_in_place()
    {
        float[] x = [0, 0, 5, -5, 1, 2];

        Softmax.Apply(x, 2, x);

        Assert.That(x.AsSpan(0, 2).ToArray(), Is.EqualTo(new[] { 0.5f, 0.5f }));
        Assert.That(x[2] + x[3], Is.EqualTo(1f).Within(1e-7f));
        Assert.That(x[2], Is.GreaterThan(0.99f));
        Assert.That(x[4] + x[5], Is.EqualTo(1f).Within(1e-7f));
    }
}
