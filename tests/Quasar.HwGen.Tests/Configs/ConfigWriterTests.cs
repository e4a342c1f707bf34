using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Tests.Configs;

/// <summary>The writer saves atomically, never writes what the loader would refuse, and loses no bit of any value.</summary>
[TestFixture]
public sealed class ConfigWriterTests
{
    private TemporaryDirectory _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = new TemporaryDirectory();

    [TearDown]
    public void DeleteDirectory() => _directory.Dispose();

    private static SearchSpace Fashion => SampleConfigs.LoadSearchSpace(SampleConfigs.FashionMnist);

    [Test]
    public void Saving_writes_the_yaml_and_leaves_no_temporary_file()
    {
        var path = _directory.File("space.yaml");
        File.WriteAllText(path, "old content");

        ConfigWriter.Save(path, Fashion);

        Assert.That(File.ReadAllText(path), Is.EqualTo(ConfigWriter.ToYaml(Fashion)));
        Assert.That(Directory.GetFiles(_directory.Path), Is.EqualTo(new[] { path }));
    }

    [Test]
    public void An_invalid_configuration_is_refused_and_not_written()
    {
        var path = _directory.File("space.yaml");

        var error = Assert.Throws<ConfigException>(() => ConfigWriter.Save(path, Fashion with { ActivationBits = 8 }))!;

        Assert.That(error.Message, Does.StartWith("activation_bits: 8 is not supported"));
        Assert.That(File.Exists(path), Is.False);
    }

    [Test]
    public void Doubles_read_back_to_the_same_bits()
    {
        var space = Fashion with { Image = Fashion.Image with { Mean = [1.0 / 3], Std = [0.1 + 0.2] } };

        var back = ConfigLoader.ParseSearchSpace(ConfigWriter.ToYaml(space), "written.yaml");

        Assert.That(BitConverter.DoubleToInt64Bits(back.Image.Mean[0]), Is.EqualTo(BitConverter.DoubleToInt64Bits(1.0 / 3)));
        Assert.That(BitConverter.DoubleToInt64Bits(back.Image.Std[0]), Is.EqualTo(BitConverter.DoubleToInt64Bits(0.1 + 0.2)));
        Assert.That(back, Is.EqualTo(space));
    }

    [TestCase("53")]
    [TestCase("null")]
    [TestCase("true")]
    [TestCase("a: b")]
    [TestCase("#1")]
    public void Strings_that_yaml_would_read_as_something_else_read_back_as_written(string cpu)
    {
        var platform = SampleConfigs.LoadPlatform(SampleConfigs.Zcu102) with { Host = new HostProcessor(cpu, 4, 1.2) };

        var back = ConfigLoader.ParsePlatform(ConfigWriter.ToYaml(platform), "written.yaml");

        Assert.That(back.Host.Cpu, Is.EqualTo(cpu));
    }

    [Test]
    public void A_string_that_looks_like_a_number_or_null_is_quoted_for_other_yaml_readers()
    {
        var platform = SampleConfigs.LoadPlatform(SampleConfigs.Zcu102);

        Assert.That(ConfigWriter.ToYaml(platform with { Host = new HostProcessor("53", 4, 1.2) }), Does.Contain("  cpu: \"53\"\n"));
        Assert.That(ConfigWriter.ToYaml(platform with { Host = new HostProcessor("null", 4, 1.2) }), Does.Contain("  cpu: \"null\"\n"));
        Assert.That(ConfigWriter.ToYaml(platform), Does.Contain("  cpu: Cortex-A53\n"));
    }

    [Test]
    public void A_subnet_written_with_its_space_is_headed_by_its_cost()
    {
        var yaml = ConfigWriter.ToYaml(Subnet.Largest(Fashion), Fashion);

        Assert.That(yaml, Does.StartWith(
            "# Subnet of the search space 'fashion-mnist': 36.134 MMACs, 100.0% of weights in 8-bit rows, 0.67 MB of weights.\n"
            + "search_space: fashion-mnist\nembed_dim: 96\ndepth: 6\n"));
        Assert.That(yaml, Does.Contain(
            "layers:\n  - {heads: 3, mlp_ratio: 4.0, qkv_row_8bit: 1.0, proj_row_8bit: 1.0, fc1_row_8bit: 1.0, fc2_row_8bit: 1.0}\n"));
    }

    [Test]
    public void A_subnet_outside_the_space_it_is_written_with_is_refused()
    {
        var tiny = SampleConfigs.LoadSearchSpace(SampleConfigs.ImageNetTiny);

        Assert.Throws<ConfigException>(() => ConfigWriter.ToYaml(Subnet.Largest(Fashion), tiny));
    }
}
