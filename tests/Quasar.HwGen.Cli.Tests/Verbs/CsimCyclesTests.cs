using System.Globalization;
using System.Text.RegularExpressions;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Cli.Tests.Support;

namespace Quasar.HwGen.Cli.Tests.Verbs;

/// <summary>
/// `quasar csim --cycles` through the entry point: the accounting build of a generated project prints a row per op and
/// a total, and passes; counts planted off the model fail the check; Vitis has no accounting build.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("NeedsGpp")]
public sealed partial class CsimCyclesTests
{
    private BadInputs _inputs = null!;

    [OneTimeSetUp]
    public void MakeInputs() => _inputs = new BadInputs();

    [OneTimeTearDown]
    public void RemoveInputs() => _inputs.Dispose();

    [Test]
    public void A_generated_project_counts_every_call_within_10_percent_of_the_model_and_prints_a_row_per_op()
    {
        var run = Shell.Run(TimeSpan.FromMinutes(5), "csim", _inputs.Project, "--gxx", "--cycles");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        var passed = Passed().Match(run.Out);
        Assert.That(passed.Success, Is.True, run.ToString());
        var lines = run.Out.Split('\n', StringSplitOptions.TrimEntries);
        int header = Array.FindIndex(lines, line => line.StartsWith("op ", StringComparison.Ordinal));
        int total = Array.FindIndex(lines, line => line.StartsWith("total: ", StringComparison.Ordinal));
        Assert.That(header, Is.GreaterThanOrEqualTo(0), run.ToString());
        Assert.That(lines[header], Does.Match(@"^op +calls +counted/call +model/call +counted/model +binding$"));
        var rows = lines[(header + 1)..total].Select(line => Row().Match(line)).ToList();
        Assert.That(rows, Is.Not.Empty.And.All.Property("Success").True, run.ToString());
        // Every golden call is in one op's row, and each op's counted mean is the model's.
        int calls = int.Parse(passed.Groups["calls"].Value, CultureInfo.InvariantCulture);
        Assert.That(rows.Sum(r => int.Parse(r.Groups["calls"].Value, CultureInfo.InvariantCulture)), Is.EqualTo(calls));
        Assert.That(rows.Select(r => r.Groups["counted"].Value), Is.EqualTo(rows.Select(r => r.Groups["model"].Value)));
        Assert.That(lines[total], Does.StartWith($"total: {calls} calls, counted ").And.Contain("counted/model 1.000;").And.Contain(" µs counted, "));
        Assert.That(lines[total + 1], Does.StartWith("cycles: every call within 10% of the model (max deviation 0.00%)"));
        Assert.That(run.Out, Does.Not.Contain("CYCLES "), "the per-call lines go into the table, not to the user");
    }

    [Test]
    public void Counts_planted_25_percent_above_the_model_fail_the_check_naming_the_calls()
    {
        using var work = new WorkDirectory();
        var project = work.File("edited project");
        DirectoryCopy.Replace(_inputs.Project, project);
        var header = Path.Combine(project, "include", "quasar", "cycle_accounting.h");
        var source = File.ReadAllText(header);
        Assert.That(source, Does.Contain("return tables + slowest + fill;"));
        File.WriteAllText(header, source.Replace("return tables + slowest + fill;", "return (tables + slowest + fill) * 5 / 4;", StringComparison.Ordinal));

        var run = Shell.Run(TimeSpan.FromMinutes(5), "csim", project, "--gxx", "--cycles", "--no-lint");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.CheckFailed), run.ToString());
        Assert.That(run.Out, Does.Contain("csim (g++): PASS"), "the kernel's outputs are still right; only the counts are off");
        Assert.That(run.Out, Does.Match(@"cycles: (\d+) of \1 calls beyond 10% of the model \(max deviation 2[45]\.\d\d%\):"));
        Assert.That(run.Out, Does.Match(@"\n  \S+ image 0: counted [\d,]+, model [\d,]+ \(\+2[45]\.\d%; differing: total\)"));
    }

    [Test]
    public void Cycles_with_vitis_is_a_usage_error_of_one_line_naming_the_fix()
    {
        var run = Shell.Run("csim", _inputs.Project, "--cycles", "--vitis");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString());
        Assert.That(run.ErrorLines.Where(line => line.StartsWith("error:", StringComparison.Ordinal)),
            Is.EqualTo(new[] { "error: --cycles counts cycles in the g++ build only; drop --vitis (or use --gxx)" }), run.ToString());
        Assert.That(run.ShowsStackTrace, Is.False, run.ToString());
    }

    [GeneratedRegex(@"csim \(g\+\+\): PASS, (?<calls>\d+) kernel calls")]
    private static partial Regex Passed();

    [GeneratedRegex(@"^(?<op>\S+) +(?<calls>\d+) +(?<counted>[\d,]+) +(?<model>[\d,]+) +(?<ratio>\d+\.\d{3}) +(?<binding>read_a|read_w|compute|output|write)( \(model: \w+\))?$")]
    private static partial Regex Row();
}
