using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Tests.Configs;

/// <summary>A subnet outside its search space is refused naming the layer, the field and the space's choices.</summary>
[TestFixture]
public sealed class SubnetValidationTests
{
    private const string Source = "subnet.yaml";
    private const string Layer = "  - {heads: 3, mlp_ratio: 4.0, qkv_row_8bit: 0.5, proj_row_8bit: 0.5, fc1_row_8bit: 0.5, fc2_row_8bit: 0.5}";

    private static readonly SearchSpace Tiny = SampleConfigs.LoadSearchSpace(SampleConfigs.ImageNetTiny);

    /// <summary>An imagenet-tiny subnet; layer i is on line 7 + i.</summary>
    private static string Yaml(int depth = 12, int layers = 12, int changedLayer = -1, string? changedLine = null)
    {
        var lines = new List<string>
        {
            "search_space: imagenet-tiny", "embed_dim: 192", $"depth: {depth}", "patch_embed_row_8bit: 1.0", "head_row_8bit: 1.0", "layers:",
        };
        for (int i = 0; i < layers; i++) lines.Add(i == changedLayer ? changedLine! : Layer);
        return string.Join("\n", lines) + "\n";
    }

    private static string ErrorOf(string yaml, SearchSpace? space = null) =>
        Assert.Throws<ConfigException>(() => ConfigLoader.ParseSubnet(yaml, Source, space ?? Tiny))!.Message;

    [Test]
    public void A_subnet_inside_its_space_loads()
    {
        var subnet = ConfigLoader.ParseSubnet(Yaml(), Source, Tiny);

        var expected = Subnet.Uniform(Tiny, 192, 12, 3, 4.0, 0.5) with { PatchEmbedRow8Bit = 1.0, HeadRow8Bit = 1.0 };
        Assert.That(subnet, Is.EqualTo(expected));
    }

    [Test]
    public void Heads_outside_the_choices_name_the_layer_and_the_choices()
    {
        var yaml = Yaml(changedLayer: 3, changedLine: Layer.Replace("heads: 3", "heads: 5", StringComparison.Ordinal));

        Assert.That(ErrorOf(yaml), Is.EqualTo("subnet.yaml:10:13: layers[3].heads: 5 is not one of the search space's choices {3, 4}"));
    }

    [Test]
    public void An_8_bit_ratio_outside_the_choices_names_the_layer_and_the_linear()
    {
        var yaml = Yaml(changedLayer: 7, changedLine: Layer.Replace("fc1_row_8bit: 0.5", "fc1_row_8bit: 0.3", StringComparison.Ordinal));

        Assert.That(ErrorOf(yaml),
            Is.EqualTo("subnet.yaml:14:85: layers[7].fc1_row_8bit: 0.3 is not one of the search space's choices {0, 0.25, 0.5, 0.75, 1}"));
    }

    [Test]
    public void An_mlp_ratio_outside_the_choices_is_refused()
    {
        var yaml = Yaml(changedLayer: 0, changedLine: Layer.Replace("mlp_ratio: 4.0", "mlp_ratio: 3.0", StringComparison.Ordinal));

        Assert.That(ErrorOf(yaml), Is.EqualTo("subnet.yaml:7:27: layers[0].mlp_ratio: 3 is not one of the search space's choices {3.5, 4}"));
    }

    [Test]
    public void Fewer_layers_than_the_depth_are_refused()
    {
        Assert.That(ErrorOf(Yaml(layers: 11)), Is.EqualTo("subnet.yaml:7:3: layers: has 11 entries but depth is 12; give one entry per layer"));
    }

    [Test]
    public void A_depth_outside_the_choices_is_refused()
    {
        Assert.That(ErrorOf(Yaml(depth: 15, layers: 15)), Is.EqualTo("subnet.yaml:3:8: depth: 15 is not one of the search space's choices {12, 13, 14}"));
    }

    [Test]
    public void An_embed_dim_outside_the_choices_is_refused()
    {
        var yaml = Yaml().Replace("embed_dim: 192", "embed_dim: 200", StringComparison.Ordinal);

        Assert.That(ErrorOf(yaml), Is.EqualTo("subnet.yaml:2:12: embed_dim: 200 is not one of the search space's choices {192, 216, 240}"));
    }

    [Test]
    public void A_subnet_checked_against_another_space_names_both()
    {
        var fashion = SampleConfigs.LoadSearchSpace(SampleConfigs.FashionMnist);

        Assert.That(ErrorOf(Yaml(), fashion), Does.StartWith(
            "subnet.yaml:1:15: search_space: 'imagenet-tiny' does not match the search space 'fashion-mnist' the subnet is checked against\n"
            + "subnet.yaml:2:12: embed_dim: 192 is not one of the search space's choices {64, 80, 96}\n"));
    }

    [Test]
    public void A_misspelt_layer_key_is_refused_with_a_suggestion()
    {
        var yaml = Yaml(changedLayer: 2, changedLine: Layer.Replace("mlp_ratio:", "mlp_ration:", StringComparison.Ordinal));

        Assert.That(ErrorOf(yaml), Is.EqualTo(
            "subnet.yaml:9:5: layers[2].mlp_ratio: required key 'mlp_ratio' is missing (expected a number)\n"
            + "subnet.yaml:9:16: layers[2].mlp_ration: unknown key 'mlp_ration' (did you mean 'mlp_ratio'?); allowed keys: heads, mlp_ratio, qkv_row_8bit, proj_row_8bit, fc1_row_8bit, fc2_row_8bit"));
    }

    [Test]
    public void A_layer_that_is_not_a_mapping_is_refused()
    {
        Assert.That(ErrorOf(Yaml(changedLayer: 1, changedLine: "  - 3")),
            Is.EqualTo("subnet.yaml:8:5: layers[1]: expected a mapping of keys to values, found '3'"));
    }

    [Test]
    public void Without_its_space_a_subnet_is_checked_for_what_it_can_be_alone()
    {
        var outsideTheChoices = Yaml(changedLayer: 3, changedLine: Layer.Replace("heads: 3", "heads: 5", StringComparison.Ordinal));
        var outOfRange = Yaml(changedLayer: 3, changedLine: Layer.Replace("qkv_row_8bit: 0.5", "qkv_row_8bit: 1.5", StringComparison.Ordinal));

        Assert.That(ConfigLoader.ParseSubnet(outsideTheChoices, Source).Layers[3].Heads, Is.EqualTo(5));
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.ParseSubnet(outOfRange, Source))!;
        Assert.That(error.Message, Is.EqualTo(
            "subnet.yaml:10:46: layers[3].qkv_row_8bit: 1.5 is outside [0, 1]; a ratio is the fraction of a layer's weight rows held in 8 bits"));
    }

    [Test]
    public void A_subnet_built_in_code_is_refused_naming_the_layer()
    {
        var subnet = Subnet.Largest(Tiny);
        var layers = subnet.Layers.ToArray();
        layers[3] = layers[3] with { Heads = 5 };

        var error = Assert.Throws<ConfigException>(() => (subnet with { Layers = ValueList.From(layers) }).Validate(Tiny))!;

        Assert.That(error.Message, Is.EqualTo("layers[3].heads: 5 is not one of the search space's choices {3, 4}"));
    }

    [Test]
    public void Uniform_refuses_choices_outside_the_space()
    {
        var error = Assert.Throws<ConfigException>(() => Subnet.Uniform(Tiny, 200, 12, 3, 4.0, 0.5))!;

        Assert.That(error.Message, Is.EqualTo("embed_dim: 200 is not one of the search space's choices {192, 216, 240}"));
    }

    [Test]
    public void Largest_and_smallest_take_the_extreme_choices()
    {
        var largest = Subnet.Largest(Tiny);
        var smallest = Subnet.Smallest(Tiny);

        Assert.That((largest.EmbedDim, largest.Depth, largest.Layers.Count, largest.HeadRow8Bit), Is.EqualTo((240, 14, 14, 1.0)));
        Assert.That(largest.Layers.Distinct().Single(), Is.EqualTo(SubnetLayer.Uniform(4, 4.0, 1.0)));
        Assert.That((smallest.EmbedDim, smallest.Depth, smallest.PatchEmbedRow8Bit), Is.EqualTo((192, 12, 0.0)));
        Assert.That(smallest.Layers.Distinct().Single(), Is.EqualTo(SubnetLayer.Uniform(3, 3.5, 0.0)));
    }

    private static IEnumerable<string> SpaceNames() => [SampleConfigs.FashionMnist, SampleConfigs.ImageNetTiny, SampleConfigs.ImageNetSmall];

    [TestCaseSource(nameof(SpaceNames))]
    public void Random_subnets_are_members_of_their_space_and_read_back_equal(string spaceName)
    {
        var space = SampleConfigs.LoadSearchSpace(spaceName);
        var random = new Random(20240725);
        for (int i = 0; i < 50; i++)
        {
            var subnet = Subnet.Random(space, random);

            Assert.That(subnet.FindIssues(space), Is.Empty);
            Assert.That(ConfigLoader.ParseSubnet(ConfigWriter.ToYaml(subnet, space), Source, space), Is.EqualTo(subnet));
        }
    }

    [Test]
    public void Random_subnets_vary_every_choice_per_layer()
    {
        var random = new Random(7);
        var subnets = Enumerable.Range(0, 100).Select(_ => Subnet.Random(Tiny, random)).ToList();
        var layers = subnets.SelectMany(s => s.Layers).ToList();

        Assert.That(subnets.Select(s => s.Depth).Distinct().Order(), Is.EqualTo(Tiny.Choices.Depths));
        Assert.That(subnets.Select(s => s.EmbedDim).Distinct().Order(), Is.EqualTo(Tiny.Choices.EmbedDims));
        Assert.That(layers.Select(l => l.Heads).Distinct().Order(), Is.EqualTo(Tiny.Choices.Heads));
        Assert.That(layers.Select(l => l.MlpRatio).Distinct().Order(), Is.EqualTo(Tiny.Choices.MlpRatios));
        Assert.That(layers.Select(l => l.Fc2Row8Bit).Distinct().Order(), Is.EqualTo(Tiny.Choices.Row8BitRatios));
        Assert.That(layers.Count(l => l.QkvRow8Bit != l.ProjRow8Bit), Is.GreaterThan(layers.Count / 2), "each linear draws its own ratio");
    }
}
