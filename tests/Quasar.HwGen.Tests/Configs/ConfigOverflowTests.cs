using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Tests.Configs;

/// <summary>
/// Regressions found by fuzzing: configs whose sizes wrapped an int or whose NaN and tiny values passed the rules.
/// Each is refused naming the field, whether it comes from a file or is built in code.
/// </summary>
[TestFixture]
public sealed class ConfigOverflowTests
{
    private static readonly SearchSpace FashionMnist = SampleConfigs.LoadSearchSpace(SampleConfigs.FashionMnist);

    private static readonly PlatformConfig Zcu102 = SampleConfigs.LoadPlatform(SampleConfigs.Zcu102);

    private static string SpaceError(string original, string replacement) =>
        Assert.Throws<ConfigException>(() => ConfigLoader.ParseSearchSpace(Edit(SampleConfigs.FashionMnist + ".space.yaml", original, replacement), "space.yaml"))!.Message;

    private static string PlatformError(string original, string replacement) =>
        Assert.Throws<ConfigException>(() => ConfigLoader.ParsePlatform(Edit(SampleConfigs.Zcu102 + ".platform.yaml", original, replacement), "board.yaml"))!.Message;

    private static string Edit(string sample, string original, string replacement)
    {
        var text = SampleConfigs.ReadText(sample);
        if (!text.Contains(original, StringComparison.Ordinal)) throw new ArgumentException($"{sample} has no '{original}'", nameof(original));
        return text.Replace(original, replacement, StringComparison.Ordinal);
    }

    [Test]
    public void A_space_of_65536_by_65536_patches_is_refused_naming_the_image_size()
    {
        var error = SpaceError("size: 28\n", "size: 65536\n");

        Assert.That(error, Does.Contain("image.size: 65536 is too large"));
        Assert.That(error, Does.Contain("image.patch_size: 4 cuts image.size 65536 into 16384 patches a side"));
    }

    [Test]
    public void A_space_of_65536_by_65536_patches_built_in_code_costs_an_error_not_a_wrapped_number()
    {
        // 65,536² patches wrapped to 0 tokens + 1, and the subnet reported 0.666 MMACs.
        var huge = FashionMnist with { Image = FashionMnist.Image with { Size = 65_536, PatchSize = 1 } };
        var subnet = Subnet.Largest(FashionMnist);

        var error = Assert.Throws<ConfigException>(() => subnet.Summary(huge))!;

        Assert.That(error.Message, Does.StartWith("image.patch_size: patches (patches a side squared) = 65536 × 65536 is too large to compute"));
    }

    [Test]
    public void Huge_embed_dims_are_refused_naming_the_choice()
    {
        Assert.That(SpaceError("embed_dims: [64, 80, 96]", "embed_dims: [64, 80, 2000000000]"),
            Does.Contain("choices.embed_dims[2]: 2000000000 is too large; the largest supported embedding dim is 4096"));
    }

    [Test]
    public void Huge_heads_are_refused_naming_the_choice()
    {
        Assert.That(SpaceError("heads: [2, 3]", "heads: [2, 1000000000]"),
            Does.Contain("choices.heads[1]: 1000000000 is too large; the largest supported number of heads is 64"));
    }

    [Test]
    public void Huge_heads_built_in_code_are_an_error_naming_the_head_dim_not_a_wrapped_attention_dim()
    {
        var space = FashionMnist with { HeadDim = 1_000_000 };

        var error = Assert.Throws<ConfigException>(() => space.AttentionDim(1_000_000))!;

        Assert.That(error.Message, Does.StartWith("head_dim: attention dim (heads × head_dim) = 1000000 × 1000000 is too large to compute"));
    }

    [Test]
    public void A_vanishing_mlp_ratio_is_refused_rather_than_giving_an_empty_mlp()
    {
        // 64 × 1e-300 rounded to a "whole" 0 hidden units.
        Assert.That(SpaceError("mlp_ratios: [2.0, 3.0, 4.0]", "mlp_ratios: [2.0, 1e-300, 4.0]"),
            Does.Contain("choices.mlp_ratios[1]: 1E-300 is too small; the smallest supported MLP ratio is 0.125"));
    }

    [Test]
    public void A_nan_mlp_ratio_in_a_subnet_built_in_code_is_refused()
    {
        var subnet = Subnet.Largest(FashionMnist);
        var bad = subnet with { Layers = ValueList.From(subnet.Layers.Select((l, i) => i == 2 ? l with { MlpRatio = double.NaN } : l)) };

        Assert.That(bad.FindIssues().Select(i => i.ToString()), Does.Contain("layers[2].mlp_ratio: NaN is not a finite number; give a number"));
    }

    [Test]
    public void A_huge_subnet_embed_dim_is_refused_on_its_own()
    {
        var subnet = Subnet.Largest(FashionMnist) with { EmbedDim = int.MaxValue };

        Assert.That(subnet.FindIssues().Select(i => i.ToString()), Does.Contain("embed_dim: 2147483647 is too large; the largest supported embedding dim is 4096"));
    }

    [Test]
    public void A_clock_of_1e_minus_300_mhz_is_refused_not_generated_as_0_mhz()
    {
        Assert.That(PlatformError("clock_mhz: 150.0", "clock_mhz: 1e-300"),
            Does.EndWith("clock_mhz: 1E-300 is too small; the smallest supported kernel clock is 50 MHz"));
    }

    [TestCase("clock_mhz: 150.0", "clock_mhz: 1e9", "clock_mhz: 1000000000 is too large; the largest supported kernel clock is 1000 MHz")]
    [TestCase("clock_mhz: 150.0", "clock_mhz: -150", "clock_mhz: -150 is too small; the smallest supported kernel clock is 50 MHz")]
    [TestCase("clock_mhz: 150.0", "clock_mhz: .nan", "clock_mhz: expected a number, found '.nan'")]
    [TestCase("clock_mhz: 150.0", "clock_mhz: .inf", "clock_mhz: expected a number, found '.inf'")]
    [TestCase("peak_gb_per_s: 17.07", "peak_gb_per_s: 1e300", "ddr.peak_gb_per_s: 1E+300 is too large; the largest supported bandwidth is 1000 GB/s")]
    [TestCase("peak_gb_per_s: 17.07", "peak_gb_per_s: -.inf", "ddr.peak_gb_per_s: expected a number, found '-.inf'")]
    [TestCase("peak_gb_per_s: 17.07", "peak_gb_per_s: 1e-300", "ddr.peak_gb_per_s: 1E-300 is too small; the smallest supported bandwidth is 0.1 GB/s")]
    [TestCase("efficiency: 0.7", "efficiency: 1e-300", "ddr.efficiency: 1E-300 is outside [0.01, 1]; it is the sustained fraction of the peak bandwidth")]
    [TestCase("dsp: 2520", "dsp: 2000000000", "resources.dsp: 2000000000 is too large; the largest supported count is 20000")]
    [TestCase("lut: 274080", "lut: 2147483647", "resources.lut: 2147483647 is too large; the largest supported count is 10000000")]
    [TestCase("ff: 548160", "ff: -5", "resources.ff: -5 must be a positive count")]
    [TestCase("bram_18k: 1824", "bram_18k: 1000000", "resources.bram_18k: 1000000 is too large; the largest supported count is 20000")]
    [TestCase("uram: 0", "uram: -1", "resources.uram: -1 must be a count of at least 0")]
    [TestCase("cores: 4", "cores: 100000", "host.cores: 100000 is too large; the largest supported count is 256")]
    [TestCase("clock_ghz: 1.2", "clock_ghz: 1e-300", "host.clock_ghz: 1E-300 is too small; the smallest supported frequency is 0.1 GHz")]
    [TestCase("clock_ghz: 1.2", "clock_ghz: -1.2", "host.clock_ghz: -1.2 is too small; the smallest supported frequency is 0.1 GHz")]
    public void A_platform_value_outside_what_the_model_supports_names_the_field_and_the_limit(string original, string replacement, string expected)
    {
        Assert.That(PlatformError(original, replacement), Does.EndWith(expected));
    }

    [Test]
    public void Nan_platform_values_built_in_code_are_refused_naming_each_field()
    {
        var platform = Zcu102 with
        {
            ClockMhz = double.NaN,
            Ddr = new DdrMemory(double.PositiveInfinity, double.NaN),
            Host = Zcu102.Host with { ClockGhz = double.NegativeInfinity },
        };

        Assert.That(platform.FindIssues().Select(i => i.ToString()), Is.EqualTo(new[]
        {
            "clock_mhz: NaN is not a finite number; give a number",
            "ddr.peak_gb_per_s: Infinity is not a finite number; give a number",
            "ddr.efficiency: NaN is outside [0.01, 1]; it is the sustained fraction of the peak bandwidth",
            "host.clock_ghz: -Infinity is not a finite number; give a number",
        }));
    }

    [Test]
    public void Nan_and_infinite_image_statistics_built_in_code_are_refused()
    {
        var image = FashionMnist.Image with { Mean = [double.NaN], Std = [double.PositiveInfinity] };

        Assert.That((FashionMnist with { Image = image }).FindIssues().Select(i => i.ToString()), Is.EqualTo(new[]
        {
            "image.mean[0]: NaN is not a finite number; give a number",
            "image.std[0]: Infinity is not a finite number; give a number",
        }));
    }
}
