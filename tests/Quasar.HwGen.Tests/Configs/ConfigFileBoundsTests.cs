using System.Diagnostics;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.IO;

namespace Quasar.HwGen.Tests.Configs;

/// <summary>Config files are read with bounds: only regular files, at most 1 MiB, YAML nested at most 64 levels deep.</summary>
[TestFixture]
public sealed class ConfigFileBoundsTests
{
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(10);

    private TemporaryDirectory _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = new TemporaryDirectory();

    [TearDown]
    public void DeleteDirectory() => _directory.Dispose();

    [Test]
    [Platform("Linux")]
    public void A_fifo_given_as_a_config_is_refused_without_waiting_for_a_writer()
    {
        var fifo = Fifo.Create(_directory.File("platform.yaml"));

        var error = Fifo.ThrownWithin(Quickly, () => ConfigLoader.LoadPlatform(fifo), fifo);

        Assert.That(error, Is.InstanceOf<IOException>());
        Assert.That(error!.Message, Is.EqualTo($"{fifo}: is a FIFO (named pipe), not a regular file; give the path of a file"));
    }

    [Test]
    [Platform("Linux")]
    public void Dev_zero_given_as_a_config_is_refused_at_once()
    {
        var watch = Stopwatch.StartNew();

        var error = Assert.Throws<IOException>(() => ConfigLoader.LoadSearchSpace("/dev/zero"))!;

        Assert.That(error.Message, Does.StartWith("/dev/zero: is a character device, not a regular file"));
        Assert.That(watch.Elapsed, Is.LessThan(Quickly));
    }

    [Test]
    public void A_directory_given_as_a_config_is_refused_as_not_found()
    {
        Assert.Throws<FileNotFoundException>(() => ConfigLoader.LoadSubnet(_directory.Path));
    }

    [Test]
    public void A_config_over_one_mebibyte_is_refused_naming_its_size_and_the_cap()
    {
        var path = _directory.File("huge.yaml");
        File.WriteAllText(path, "name: x\n" + new string('#', (int)BoundedFile.ConfigCap));

        var error = Assert.Throws<IOException>(() => ConfigLoader.LoadPlatform(path))!;

        Assert.That(error.Message, Is.EqualTo($"{path}: holds 1,048,584 bytes, more than the 1,048,576 bytes this kind of file may have; is it the right file?"));
    }

    [Test]
    public void YAML_nested_twenty_thousand_levels_deep_is_a_config_error_not_a_stack_overflow()
    {
        var path = _directory.File("deep.yaml");
        File.WriteAllText(path, "name: " + new string('[', 20_000) + new string(']', 20_000) + "\n");

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.LoadSearchSpace(path))!;

        Assert.That(error.Message, Does.StartWith(path).And.Contain("nests deeper than 64 levels"));
        Assert.That(error.Message, Does.Not.Contain("\n"));
    }

    [Test]
    public void Deep_block_mappings_are_refused_as_well()
    {
        var yaml = string.Concat(Enumerable.Range(0, 5_000).Select(i => new string(' ', i) + "k:\n"));

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.ParsePlatform(yaml, "deep.yaml"))!;

        Assert.That(error.Issues.Single().Problem, Does.Contain("nests deeper than 64 levels"));
    }

    [Test]
    public void Nesting_within_the_limit_still_reaches_the_usual_checks()
    {
        var yaml = "name: " + new string('[', 60) + new string(']', 60) + "\n";

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.ParsePlatform(yaml, "ok.yaml"))!;

        Assert.That(error.Message, Does.Not.Contain("nests deeper"));
    }
}
