using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Tests.Configs;

/// <summary>Platform files get the same located messages as search spaces.</summary>
[TestFixture]
public sealed class PlatformLoadErrorTests
{
    private const string Source = "board.yaml";

    private const string Valid = """
        name: board
        part: xczu9eg-ffvb1156-2-e
        vitis_platform: xilinx_zcu102_base_202420_1
        clock_mhz: 150.0
        resources:
          dsp: 2520
          lut: 274080
          ff: 548160
          bram_18k: 1824
          uram: 0
        ddr:
          peak_gb_per_s: 17.07
          efficiency: 0.7
        host:
          cpu: Cortex-A53
          cores: 4
          clock_ghz: 1.2

        """;

    private static string ErrorOf(string original, string replacement)
    {
        if (!Valid.Contains(original, StringComparison.Ordinal)) throw new ArgumentException($"the valid platform has no '{original}' to edit", nameof(original));
        var yaml = Valid.Replace(original, replacement, StringComparison.Ordinal);
        return Assert.Throws<ConfigException>(() => ConfigLoader.ParsePlatform(yaml, Source))!.Message;
    }

    [Test]
    public void The_valid_platform_loads()
    {
        var platform = ConfigLoader.ParsePlatform(Valid, Source);

        Assert.That(platform.ClockHz, Is.EqualTo(150e6));
        Assert.That(platform.Ddr, Is.EqualTo(new DdrMemory(17.07, 0.7)));
    }

    [Test]
    public void An_efficiency_above_one_is_refused()
    {
        Assert.That(ErrorOf("efficiency: 0.7", "efficiency: 1.5"),
            Is.EqualTo("board.yaml:13:15: ddr.efficiency: 1.5 is outside [0.01, 1]; it is the sustained fraction of the peak bandwidth"));
    }

    [Test]
    public void A_negative_resource_count_is_refused()
    {
        Assert.That(ErrorOf("dsp: 2520", "dsp: -1"), Is.EqualTo("board.yaml:6:8: resources.dsp: -1 must be a positive count"));
    }

    [Test]
    public void A_word_for_the_clock_is_refused()
    {
        Assert.That(ErrorOf("clock_mhz: 150.0", "clock_mhz: fast"), Is.EqualTo("board.yaml:4:12: clock_mhz: expected a number, found 'fast'"));
    }

    [Test]
    public void An_unknown_resource_is_refused_listing_the_known_ones()
    {
        Assert.That(ErrorOf("  uram: 0\n", "  uram: 0\n  hbm: 0\n"),
            Is.EqualTo("board.yaml:11:3: resources.hbm: unknown key 'hbm'; allowed keys: dsp, lut, ff, bram_18k, uram"));
    }

    [Test]
    public void A_missing_section_is_reported_once_at_the_top()
    {
        var withoutHost = Valid[..Valid.IndexOf("host:", StringComparison.Ordinal)];

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.ParsePlatform(withoutHost, Source))!;

        Assert.That(error.Message, Is.EqualTo("board.yaml:1:1: host: required key 'host' is missing (expected a mapping)"));
    }

    [Test]
    public void A_blank_part_is_refused()
    {
        Assert.That(ErrorOf("part: xczu9eg-ffvb1156-2-e", "part: ' '"), Is.EqualTo("board.yaml:2:7: part: is blank; give a value"));
    }
}
