using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Hardware.Latency;

namespace Quasar.HwGen.Tests.Configs;

/// <summary>The limits are neither too tight (every sample loads) nor too loose (the largest allowed space computes without overflow).</summary>
[TestFixture]
public sealed class ConfigLimitTests
{
    private static IEnumerable<string> Samples(string suffix) =>
        SampleConfigs.FileNames.Where(f => f.EndsWith(suffix, StringComparison.Ordinal)).Select(f => f[..^suffix.Length]);

    [Test]
    public void Every_shipped_sample_loads_within_the_limits()
    {
        foreach (var name in Samples(".space.yaml")) Assert.That(SampleConfigs.LoadSearchSpace(name).FindIssues(), Is.Empty, name);
        foreach (var name in Samples(".subnet.yaml")) Assert.That(SampleConfigs.LoadSubnet(name).FindIssues(), Is.Empty, name);
        foreach (var name in Samples(".platform.yaml")) Assert.That(SampleConfigs.LoadPlatform(name).FindIssues(), Is.Empty, name);
    }

    [TestCase(SampleConfigs.QuasarSLike)]
    [TestCase(SampleConfigs.QuasarL2Like)]
    public void The_imagenet_subnets_and_their_spaces_are_well_inside_the_limits(string name)
    {
        var subnet = SampleConfigs.LoadSubnet(name);
        var space = SampleConfigs.LoadSearchSpace(subnet.SpaceName);

        Assert.That(space.TokenCount, Is.LessThan(ConfigLimits.MaxTokens / 4));
        Assert.That(VitWorkload.MaxReduction(Subnet.Largest(space), space), Is.LessThan(EngineConfig.MaxReductionLimit / 4));
    }

    [Test]
    public void The_largest_space_the_limits_allow_is_valid_and_its_costs_do_not_overflow()
    {
        var space = Largest();

        Assert.That(space.FindIssues(), Is.Empty);
        var subnet = Subnet.Largest(space);
        Assert.That(space.TokenCount, Is.EqualTo(ConfigLimits.MaxTokens));
        Assert.That(subnet.Macs(space), Is.GreaterThan(0).And.LessThan(long.MaxValue / 1000));
        Assert.That(subnet.WeightBytes(space), Is.GreaterThan(0));
        Assert.That(VitWorkload.MaxReduction(subnet, space), Is.EqualTo(EngineConfig.MaxReductionLimit));
        Assert.That(VitWorkload.MaxRows(subnet, space), Is.LessThanOrEqualTo(EngineConfig.MaxRowsLimit));
    }

    [Test]
    public void One_past_each_limit_of_the_largest_space_is_refused_naming_the_field()
    {
        var space = Largest();
        var image = space.Image;
        var choices = space.Choices;
        (SearchSpace Space, string Field)[] cases =
        [
            (space with { Image = image with { Size = ConfigLimits.MaxImageSize + 16 } }, "image.size"),
            (space with { Image = image with { Size = 1040, PatchSize = 16 } }, "image.size"),
            (space with { Image = image with { Size = 65, PatchSize = 1 } }, "image.patch_size"),
            (space with { Image = image with { Channels = ConfigLimits.MaxChannels + 1 } }, "image.channels"),
            (space with { Image = image with { Classes = ConfigLimits.MaxClasses + 1 } }, "image.classes"),
            (space with { Choices = choices with { EmbedDims = [ConfigLimits.MaxEmbedDim + 16] } }, "choices.embed_dims[0]"),
            (space with { Choices = choices with { Depths = [ConfigLimits.MaxDepth + 1] } }, "choices.depths[0]"),
            (space with { Choices = choices with { Heads = [ConfigLimits.MaxHeads + 1] } }, "choices.heads[0]"),
            (space with { Choices = choices with { MlpRatios = [ConfigLimits.MaxMlpRatio * 2] } }, "choices.mlp_ratios[0]"),
            (space with { HeadDim = ConfigLimits.MaxHeadDim + 1 }, "head_dim"),
        ];
        foreach (var (bad, field) in cases)
            Assert.That(bad.FindIssues().Select(i => i.Field), Does.Contain(field), field);
    }

    /// <summary>Every dim at its limit: 1,024-pixel images in 16-pixel patches (64 a side), RGBA, 32,768 classes.</summary>
    private static SearchSpace Largest() => new(
        "largest",
        new ImageSpec(ConfigLimits.MaxImageSize, ConfigLimits.MaxImageSize / ConfigLimits.MaxPatchesPerSide, ConfigLimits.MaxChannels, ConfigLimits.MaxClasses,
            [0.5, 0.5, 0.5, 0.5], [0.25, 0.25, 0.25, 0.25]),
        new SearchChoices([ConfigLimits.MaxEmbedDim], [ConfigLimits.MaxDepth], [ConfigLimits.MaxHeads], [ConfigLimits.MaxMlpRatio], [0.0, 1.0]),
        ConfigLimits.MaxHeadDim,
        SearchSpace.SupportedActivationBits,
        SearchSpace.SupportedWeightBits);
}
