using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.HwGen.Tests.Numerics.HostOps;

/// <summary>GELU in its erf form.</summary>
[TestFixture]
public sealed class GeluTests
{
    [TestCase(1f, 0.8413447461)]
    [TestCase(-1f, -0.1586552539)]
    [TestCase(0f, 0.0)]
    [TestCase(2f, 1.9544997361)]
    [TestCase(-3f, -0.0040496941)]
    [TestCase(10f, 10.0)]
    public void Gelu_matches_known_values(float x, double expected)
    {
        Assert.That(Gelu.Evaluate(x), Is.EqualTo(expected).Within(2e-7 * Math.Max(1, Math.Abs(expected))));
    }

    [Test]
    public void Applying_to_a_span_is_element_wise_and_may_work_in_place()
    {
        float[] values = [-2f, -0.5f, 0f, 0.5f, 2f];
        var expected = values.Select(Gelu.Evaluate).ToArray();

        Gelu.Apply(values, values);

        Assert.That(values, Is.EqualTo(expected));
        Assert.That(values[1], Is.LessThan(0), "GELU reaches below zero");
    }
}
