using System.Text.RegularExpressions;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Cli.Tests.Support;

namespace Quasar.HwGen.Cli.Tests.Verbs;

/// <summary>`quasar lint` through the entry point: the performance rules are warnings, and `--strict` makes the same findings errors.</summary>
[TestFixture]
[NonParallelizable]
public sealed partial class LintCommandTests
{
    [Test]
    public void Strict_turns_the_same_performance_findings_into_errors()
    {
        using var inputs = new BadInputs();

        var lenient = Shell.Run("lint", inputs.Project);
        var strict = Shell.Run("lint", inputs.Project, "--strict");

        var warnings = Performance().Matches(lenient.Out).Where(m => m.Groups["severity"].Value == "warning").Select(m => m.Groups["code"].Value).ToList();
        var errors = Performance().Matches(strict.Out).Where(m => m.Groups["severity"].Value == "error").Select(m => m.Groups["code"].Value).ToList();
        Assert.That(errors, Is.EqualTo(warnings), strict.ToString());
        Assert.That(Performance().Matches(lenient.Out).Any(m => m.Groups["severity"].Value == "error"), Is.False, lenient.ToString());
        Assert.That(lenient.ExitCode, Is.EqualTo(ExitCodes.Success), lenient.ToString());
        Assert.That(strict.ExitCode, Is.EqualTo(errors.Count > 0 ? ExitCodes.CheckFailed : ExitCodes.Success), strict.ToString());
    }

    [GeneratedRegex(@"^(?<code>QLINT1\d\d) (?<severity>warning|error) ", RegexOptions.Multiline)]
    private static partial Regex Performance();
}
