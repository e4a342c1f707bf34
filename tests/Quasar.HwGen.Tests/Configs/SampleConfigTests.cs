using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Tests.Configs;

/// <summary>The shipped sample configurations load, match their embedded copies, and survive a save and load unchanged.</summary>
[TestFixture]
public sealed class SampleConfigTests
{
    private static string SampleDirectory => Path.Combine(TestPaths.Root, "samples", "configs");

    private static IEnumerable<string> SampleFiles() =>
        Directory.EnumerateFiles(SampleDirectory, "*.yaml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    private static IEnumerable<string> SpaceFiles() => SampleFiles().Where(f => f.EndsWith(".space.yaml", StringComparison.Ordinal));

    private static IEnumerable<string> SubnetFiles() => SampleFiles().Where(f => f.EndsWith(".subnet.yaml", StringComparison.Ordinal));

    private static IEnumerable<string> PlatformFiles() => SampleFiles().Where(f => f.EndsWith(".platform.yaml", StringComparison.Ordinal));

    [Test]
    public void The_samples_are_the_three_spaces_three_subnets_and_the_zcu102()
    {
        Assert.That(SampleFiles(), Is.EqualTo(new[]
        {
            "fashion-mnist.largest.subnet.yaml", "fashion-mnist.space.yaml", "imagenet-small.space.yaml",
            "imagenet-tiny.space.yaml", "quasar-l2-like.subnet.yaml", "quasar-s-like.subnet.yaml", "zcu102.platform.yaml",
        }));
    }

    [Test]
    public void Every_sample_file_is_embedded_byte_for_byte()
    {
        Assert.That(SampleConfigs.FileNames, Is.EqualTo(SampleFiles()));
        foreach (var file in SampleFiles())
            Assert.That(SampleConfigs.ReadText(file), Is.EqualTo(File.ReadAllText(Path.Combine(SampleDirectory, file))), file);
    }

    [TestCaseSource(nameof(SpaceFiles))]
    public void A_sample_space_reads_back_equal_after_saving(string file)
    {
        var space = ConfigLoader.LoadSearchSpace(Path.Combine(SampleDirectory, file));
        using var directory = new TemporaryDirectory();

        ConfigWriter.Save(directory.File(file), space);
        var back = ConfigLoader.LoadSearchSpace(directory.File(file));

        Assert.That(back, Is.EqualTo(space));
        Assert.That(ConfigWriter.ToYaml(back), Is.EqualTo(ConfigWriter.ToYaml(space)));
    }

    [TestCaseSource(nameof(SubnetFiles))]
    public void A_sample_subnet_is_in_its_space_and_reads_back_equal_after_saving(string file)
    {
        var subnet = SampleConfigs.LoadSubnet(file[..^".subnet.yaml".Length]);
        var space = SampleConfigs.LoadSearchSpace(subnet.SpaceName);
        using var directory = new TemporaryDirectory();

        ConfigWriter.Save(directory.File(file), subnet, space);
        var back = ConfigLoader.LoadSubnet(directory.File(file), space);

        Assert.That(back, Is.EqualTo(subnet));
        Assert.That(ConfigLoader.LoadSubnet(Path.Combine(SampleDirectory, file), space), Is.EqualTo(subnet));
    }

    [TestCaseSource(nameof(PlatformFiles))]
    public void A_sample_platform_reads_back_equal_after_saving(string file)
    {
        var platform = ConfigLoader.LoadPlatform(Path.Combine(SampleDirectory, file));
        using var directory = new TemporaryDirectory();

        ConfigWriter.Save(directory.File(file), platform);

        Assert.That(ConfigLoader.LoadPlatform(directory.File(file)), Is.EqualTo(platform));
    }

    [Test]
    public void The_fashion_mnist_space_has_50_tokens_and_the_chosen_dims()
    {
        var space = SampleConfigs.LoadSearchSpace(SampleConfigs.FashionMnist);

        Assert.That(space.TokenCount, Is.EqualTo(50));
        Assert.That(space.Image.PatchFeatures, Is.EqualTo(16));
        Assert.That((space.MaxEmbedDim, space.MaxDepth, space.MaxHeads, space.MaxMlpRatio), Is.EqualTo((96, 6, 3, 4.0)));
        Assert.That((space.MaxAttentionDim, space.MaxHiddenDim), Is.EqualTo((96, 384)));
        Assert.That(space.Image.Mean, Is.EqualTo(new[] { 0.286 }));
        Assert.That(space.Image.Std, Is.EqualTo(new[] { 0.353 }));
    }

    [Test]
    public void The_imagenet_spaces_are_autoformer_tiny_and_small_with_197_tokens()
    {
        var tiny = SampleConfigs.LoadSearchSpace(SampleConfigs.ImageNetTiny);
        var small = SampleConfigs.LoadSearchSpace(SampleConfigs.ImageNetSmall);

        Assert.That((tiny.TokenCount, small.TokenCount), Is.EqualTo((197, 197)));
        Assert.That(tiny.Choices.EmbedDims, Is.EqualTo(new[] { 192, 216, 240 }));
        Assert.That(tiny.Choices.Heads, Is.EqualTo(new[] { 3, 4 }));
        Assert.That(tiny.Choices.MlpRatios, Is.EqualTo(new[] { 3.5, 4.0 }));
        Assert.That(small.Choices.EmbedDims, Is.EqualTo(new[] { 320, 384, 448 }));
        Assert.That(small.Choices.Heads, Is.EqualTo(new[] { 5, 6, 7 }));
        Assert.That(small.Choices.MlpRatios, Is.EqualTo(new[] { 3.0, 3.5, 4.0 }));
        Assert.That((tiny.HeadDim, small.HeadDim, tiny.Image.PatchFeatures), Is.EqualTo((64, 64, 768)));
    }

    [Test]
    public void The_fashion_mnist_largest_sample_is_the_largest_subnet_of_its_space()
    {
        var space = SampleConfigs.LoadSearchSpace(SampleConfigs.FashionMnist);

        Assert.That(SampleConfigs.LoadSubnet(SampleConfigs.FashionMnistLargest), Is.EqualTo(Subnet.Largest(space)));
    }

    [Test]
    public void The_quasar_s_like_subnet_costs_1_4_gmacs_with_39_percent_8_bit_weights()
    {
        var subnet = SampleConfigs.LoadSubnet(SampleConfigs.QuasarSLike);
        var space = SampleConfigs.LoadSearchSpace(subnet.SpaceName);

        Assert.That(subnet.Macs(space), Is.EqualTo(1_414_838_656L));
        Assert.That(subnet.EightBitWeightFraction(space), Is.EqualTo(0.392).Within(0.0005));
        Assert.That(subnet.Summary(space), Is.EqualTo("1.415 GMACs, 39.2% of weights in 8-bit rows, 4.31 MB of weights"));
    }

    [Test]
    public void The_quasar_l2_like_subnet_costs_4_8_gmacs_and_15_9_mb_in_the_small_space()
    {
        var subnet = SampleConfigs.LoadSubnet(SampleConfigs.QuasarL2Like);
        var space = SampleConfigs.LoadSearchSpace(subnet.SpaceName);

        Assert.That(subnet.SpaceName, Is.EqualTo(SampleConfigs.ImageNetSmall));
        Assert.That(subnet.Macs(space), Is.EqualTo(4_822_598_656L));
        Assert.That(subnet.Summary(space), Is.EqualTo("4.823 GMACs, 39.5% of weights in 8-bit rows, 15.94 MB of weights"));
    }

    [Test]
    public void The_zcu102_platform_holds_the_papers_board()
    {
        var platform = SampleConfigs.LoadPlatform(SampleConfigs.Zcu102);

        Assert.That(platform.Part, Is.EqualTo("xczu9eg-ffvb1156-2-e"));
        Assert.That(platform.ClockMhz, Is.EqualTo(150.0));
        Assert.That(platform.Resources, Is.EqualTo(new FpgaResources(Dsp: 2520, Lut: 274_080, Ff: 548_160, Bram18k: 1824, Uram: 0)));
        Assert.That(platform.VitisPlatform, Is.EqualTo(PlatformConfig.DefaultVitisPlatform));
        Assert.That(platform.Host, Is.EqualTo(new HostProcessor("Cortex-A53", 4, 1.2)));
        Assert.That(platform.Ddr.PeakGBPerSecond, Is.EqualTo(8 * 2.1333).Within(0.01), "64-bit DDR4 at 2133 MT/s");
        Assert.That(platform.Ddr.SustainedBytesPerSecond, Is.EqualTo(17.07e9 * 0.7).Within(1e3));
    }

    [Test]
    public void An_unknown_sample_name_lists_the_samples()
    {
        var error = Assert.Throws<ArgumentException>(() => SampleConfigs.LoadSearchSpace("mnist"))!;

        Assert.That(error.Message, Does.Contain("no sample configuration 'mnist.space.yaml'").And.Contain("fashion-mnist.space.yaml"));
    }
}
