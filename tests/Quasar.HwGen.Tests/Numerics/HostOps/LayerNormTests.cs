using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.HwGen.Tests.Numerics.HostOps;

/// <summary>LayerNorm over channels with the biased variance.</summary>
[TestFixture]
public sealed class LayerNormTests
{
    [Test]
    public void A_row_is_centred_and_divided_by_its_biased_standard_deviation()
    {
        // mean 2.5, biased variance 1.25; (x − 2.5)/sqrt(1.25 + 1e-6)
        float[] x = [1, 2, 3, 4];
        var y = new float[4];

        LayerNorm.Apply(x, 4, [1, 1, 1, 1], [0, 0, 0, 0], y);

        Assert.That(y, Is.EqualTo(new[] { -1.3416402f, -0.44721341f, 0.44721341f, 1.3416402f }).Within(3e-7f));
    }

    [Test]
    public void Gamma_scales_and_beta_shifts_each_channel_and_rows_are_independent()
    {
        float[] x = [1, 2, 3, 4, 10, 10, 10, 10];
        var y = new float[8];

        LayerNorm.Apply(x, 4, [1, 2, 1, -1], [0, 0, 0.5f, 1], y);

        Assert.That(y.AsSpan(0, 4).ToArray(), Is.EqualTo(new[] { -1.3416402f, -0.89442682f, 0.94721341f, -0.3416402f }).Within(3e-7f));
        Assert.That(y.AsSpan(4, 4).ToArray(), Is.EqualTo(new[] { 0f, 0f, 0.5f, 1f }), "a constant row normalizes to β (ε avoids 0/0)");
    }

    [Test]
    public void Epsilon_is_added_to_the_variance()
    {
        float[] x = [-1, 1];
        var y = new float[2];

        LayerNorm.Apply(x, 2, [1, 1], [0, 0], y, epsilon: 3f);

        Assert.That(y, Is.EqualTo(new[] { -0.5f, 0.5f }));
    }

    [Test]
    public void Mismatched_parameters_are_refused()
    {
        Assert.Throws<ArgumentException>(() => LayerNorm.Apply(new float[6], 4, new float[4], new float[4], new float[6]));
        Assert.Throws<ArgumentException>(() => LayerNorm.Apply(new float[4], 4, new float[3], new float[4], new float[4]));
    }
}
