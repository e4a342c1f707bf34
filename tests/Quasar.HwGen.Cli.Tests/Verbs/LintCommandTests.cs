using System.Text.RegularExpressions;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Cli.Tests.Support;

namespace Quasar.HwGen.Cli.Tests.Verbs;

/// <summary>
/// `quasar lint` through the entry point: a generated project lints clean, the performance rules fail the lint by
/// default, and `--lenient` reports the same findings as warnings.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class LintCommandTests
{
    [Test]
    public void A_generated_project_passes_with_no_performance_finding()
    {
        using var inputs = new BadInputs();

        var run = Shell.Run("lint", inputs.Project);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(Performance().IsMatch(run.Out), Is.False, run.ToString());
    }

    [Test]
    public void A_conditional_burst_read_fails_the_lint_and_lenient_turns_it_into_a_warning()
    {
        using var inputs = new BadInputs();
        using var work = new WorkDirectory();
        var project = work.File("edited project");
        DirectoryCopy.Replace(inputs.Project, project);
        var io = Path.Combine(project, "include", "quasar", "gemm_io.h");
        var source = File.ReadAllText(io);
        Assert.That(source, Does.Contain("words.write(a[i]);"));
        File.WriteAllText(io, source.Replace("words.write(a[i]);", "if (i > 0) words.write(a[i]);", StringComparison.Ordinal));

        var strict = Shell.Run("lint", project);
        var lenient = Shell.Run("lint", project, "--lenient");

        Assert.That(Codes(strict, "error"), Is.EqualTo(new[] { "QLINT102" }), strict.ToString());
        Assert.That(strict.ExitCode, Is.EqualTo(ExitCodes.CheckFailed), strict.ToString());
        Assert.That(Codes(lenient, "warning"), Is.EqualTo(new[] { "QLINT102" }), lenient.ToString());
        Assert.That(Codes(lenient, "error"), Is.Empty, lenient.ToString());
        Assert.That(lenient.ExitCode, Is.EqualTo(ExitCodes.Success), lenient.ToString());
    }

    private static string[] Codes(CliRun run, string severity) =>
        [.. Performance().Matches(run.Out).Where(m => m.Groups["severity"].Value == severity).Select(m => m.Groups["code"].Value)];

    [GeneratedRegex(@"^(?<code>QLINT1\d\d) (?<severity>warning|error) ", RegexOptions.Multiline)]
    private static partial Regex Performance();
}
