using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.HwGen.Tests.Numerics.HostOps;

/// <summary>GELU + quantize as one lookup equals the reference GELU then Quantizer for every int16 input, on every width.</summary>
[TestFixture]
public sealed class GeluQuantizeTableTests
{
    [TestCase(3.1454103e-05f, 0.015023365f, -32, 31)] // the shipped model's fc1 output and fc2 input steps
    [TestCase(1e-3f, 0.05f, -32, 31)]                  // inputs up to ±32.8: both tails of GELU
    [TestCase(1.5e-4f, 0.01f, -128, 127)]
    [TestCase(1f / 4096, 1f / 64, -32, 31)]            // powers of two: exact divisions, so ties
    public void Every_entry_equals_the_reference_then_quantize(float inputStep, float outputStep, int min, int max)
    {
        var table = GeluQuantizeTable.Create(inputStep, outputStep, min, max);
        var all = Enumerable.Range(short.MinValue, 65536).Select(q => (short)q).ToArray();
        var reference = new float[all.Length];
        Gelu.Apply(all, inputStep, reference);
        var expected = new sbyte[all.Length];
        Quantizer.Apply(reference, outputStep, min, max, expected, HostSimd.Scalar);

        foreach (var simd in HostSimdCases.All)
        {
            var looked = new sbyte[all.Length];
            table.Apply(all, looked, simd);
            Assert.That(looked, Is.EqualTo(expected), $"{simd}");
        }
        Assert.That(expected.Distinct().Count(), Is.GreaterThan(10), "the case is not degenerate");
    }

    [Test]
    public void The_shipped_model_s_table_is_searched_in_registers_where_the_cpu_can()
    {
        var table = GeluQuantizeTable.Create(3.1454103e-05f, 0.015023365f, -32, 31);

        if (!Core.Numerics.HostOps.Simd.PiecewiseLookup.IsSupported) Assert.Ignore("this CPU lacks AVX-512 BW and VBMI");
        Assert.That(Core.Numerics.HostOps.Simd.PiecewiseLookup.TryCreate(table.Values), Is.Not.Null,
            "the case above must exercise the register search, not only the table");
    }

    [Test]
    public void Int8_inputs_use_the_same_entries()
    {
        var table = GeluQuantizeTable.Create(0.05f, 0.02f, -32, 31);
        var bytes = Enumerable.Range(-128, 256).Select(q => (sbyte)q).ToArray();
        var shorts = bytes.Select(q => (short)q).ToArray();
        var fromBytes = new sbyte[256];
        var fromShorts = new sbyte[256];

        table.Apply(bytes, fromBytes);
        table.Apply(shorts, fromShorts);

        Assert.That(fromBytes, Is.EqualTo(fromShorts));
        Assert.That(fromBytes[128 + 20], Is.EqualTo(Quantizer.Quantize(Gelu.Evaluate(20 * 0.05f), 0.02f, -32, 31)));
    }

    [Test]
    public void Bad_steps_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GeluQuantizeTable.Create(0f, 1f, -32, 31));
        Assert.Throws<ArgumentOutOfRangeException>(() => GeluQuantizeTable.Create(1f, float.NaN, -32, 31));
    }
}
