using Quasar.HwGen.Codegen.Engine;
using Quasar.HwGen.Hardware.Engine;

namespace Quasar.HwGen.Tests.Codegen;

/// <summary>The tiny engine: the same architecture as the full one (packing, buffers, clock), with a small array that is still a valid engine.</summary>
[TestFixture]
public sealed class TinyEngineTests
{
    private static readonly EngineConfig Packing3 = new(4446, 3, 1698, 52, 64, 24, 384, 384, 150);
    private static readonly EngineConfig Packing4 = new(6144, 4, 2048, 198, 64, 64, 960, 960, 150);

    [Test]
    public void A_tiny_packing_3_engine_is_valid_and_keeps_the_full_engines_bounds()
    {
        var tiny = TinyEngine.Of(Packing3);

        Assert.That(tiny.FindIssues(), Is.Empty);
        Assert.That((tiny.TokensPerCycle, tiny.TileRows, tiny.TileReduction, tiny.Units), Is.EqualTo((1, 8, 4, 32)));
        Assert.That((tiny.PackingFactor, tiny.MaxReduction, tiny.MaxRows, tiny.ClockMhz), Is.EqualTo((3, 384, 384, 150.0)));
        Assert.That(tiny.DspUnits, Is.Positive);
        Assert.That(tiny.LutUnits, Is.Positive, "the tiny design keeps the LUT-unit path of the full one");
    }

    [Test]
    public void A_tiny_packing_4_engine_pairs_two_tokens_and_is_valid()
    {
        var tiny = TinyEngine.Of(Packing4);

        Assert.That(tiny.FindIssues(), Is.Empty);
        Assert.That(tiny.TokensPerCycle, Is.EqualTo(2));
        Assert.That((tiny.DspUnits, tiny.LutUnits), Is.EqualTo((60, 4)));
    }
}
