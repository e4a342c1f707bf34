using CsCheck;
using Quasar.HwGen.Cli.Tests.Support;
using Quasar.HwGen.Core;

namespace Quasar.HwGen.Cli.Tests.Properties;

/// <summary>
/// Mutated search spaces, subnets and platforms through `quasar estimate`, the verb that reads all three: every case
/// ends in an estimate or one clean error line, within a time limit, and writes nothing.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ConfigProperties
{
    private static string Sample(string name) => File.ReadAllText(Path.Combine(RepositoryLayout.Root, "samples", "configs", name));

    [TestCase("fashion-mnist.space.yaml")]
    [TestCase("fashion-mnist.largest.subnet.yaml")]
    [TestCase("zcu102.platform.yaml")]
    public void A_mutated_config_gives_an_estimate_or_a_clean_error(string mutated)
    {
        using var work = new WorkDirectory();
        var files = new Dictionary<string, string>
        {
            ["fashion-mnist.space.yaml"] = Sample("fashion-mnist.space.yaml"),
            ["fashion-mnist.largest.subnet.yaml"] = Sample("fashion-mnist.largest.subnet.yaml"),
            ["zcu102.platform.yaml"] = Sample("zcu102.platform.yaml"),
        };
        TextMutations.Many(files[mutated], 3).Sample(text =>
        {
            foreach (var (name, content) in files) work.Write(name, name == mutated ? text : content);
            var before = work.Snapshot();
            string[] args = ["estimate", "--subnet", work.File("fashion-mnist.largest.subnet.yaml"), "--space", work.File("fashion-mnist.space.yaml"),
                "--platform", work.File("zcu102.platform.yaml")];
            CleanOutcome.Check(Shell.Run(TimeSpan.FromSeconds(60), args), string.Join(' ', args) + $"\n--- {mutated}:\n{text}");
            Assert.That(work.Snapshot(), Is.EqualTo(before), "estimate wrote or removed a file");
        }, iter: PropertyRuns.Scaled(80), threads: 1, print: text => text);
    }
}
