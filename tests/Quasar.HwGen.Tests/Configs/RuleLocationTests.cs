using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Tests.Configs;

/// <summary>
/// The validation rules name fields by their YAML paths; a path the loader does not know would fall back to its
/// enclosing mapping's line. Files with every value wrong check that each issue lands on its own key's line.
/// </summary>
[TestFixture]
public sealed class RuleLocationTests
{
    private static void AssertEachIssueIsOnItsKeysLine(ConfigException error, string yaml, int expectedIssues)
    {
        var lines = yaml.Split('\n');
        Assert.That(error.Issues, Has.Count.EqualTo(expectedIssues), error.Message);
        foreach (var issue in error.Issues.Where(i => i.Field != "layers"))
        {
            var key = issue.Field.Split('.')[^1].Split('[')[0];
            Assert.That(lines[issue.Line - 1], Does.Contain(key + ":"), issue.ToString());
        }
    }

    [Test]
    public void Every_search_space_rule_points_at_its_key()
    {
        const string yaml = """
            name: Bad Name
            image:
              size: -28
              patch_size: 0
              channels: 0
              classes: 1
              mean: [0.5]
              std: [0.0]
            choices:
              embed_dims: [0]
              depths: [0]
              heads: [0]
              mlp_ratios: [0.0]
              row_8bit_ratios: [2.0]
            head_dim: 0
            activation_bits: 8
            weight_bits: [4]
            """;

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.ParseSearchSpace(yaml, "bad.yaml"))!;

        AssertEachIssueIsOnItsKeysLine(error, yaml, expectedIssues: 14);
    }

    [Test]
    public void Every_subnet_rule_points_at_its_key()
    {
        const string yaml = """
            search_space: Bad
            embed_dim: 0
            depth: 0
            patch_embed_row_8bit: 2.0
            head_row_8bit: -1.0
            layers:
              - heads: 0
                mlp_ratio: 0.0
                qkv_row_8bit: 2.0
                proj_row_8bit: 2.0
                fc1_row_8bit: 2.0
                fc2_row_8bit: 2.0
            """;

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.ParseSubnet(yaml, "bad.yaml"))!;

        AssertEachIssueIsOnItsKeysLine(error, yaml, expectedIssues: 12);
        Assert.That(error.Issues.Single(i => i.Field == "layers").Problem, Is.EqualTo("has 1 entry but depth is 0; give one entry per layer"));
    }

    [Test]
    public void Every_platform_rule_points_at_its_key()
    {
        const string yaml = """
            name: Bad Name
            part: ' '
            vitis_platform: ' '
            clock_mhz: -1
            resources:
              dsp: 0
              lut: 0
              ff: 0
              bram_18k: -1
              uram: -1
            ddr:
              peak_gb_per_s: 0
              efficiency: 0
            host:
              cpu: ' '
              cores: 0
              clock_ghz: 0
            """;

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.ParsePlatform(yaml, "bad.yaml"))!;

        AssertEachIssueIsOnItsKeysLine(error, yaml, expectedIssues: 14);
    }
}
