using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Cli.Tests.Support;

namespace Quasar.HwGen.Cli.Tests.Verbs;

/// <summary>
/// `quasar report &lt;run directory&gt;` refuses a run directory without a readable run.json on one line that names the
/// file and the fix, exit 3 (bad input), no stack trace, and writes no page.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class RunReportErrorTests
{
    private WorkDirectory _work = null!;

    [SetUp]
    public void MakeFolder() => _work = new WorkDirectory();

    [TearDown]
    public void RemoveFolder() => _work.Dispose();

    [Test]
    public void A_run_directory_without_run_json_is_refused_naming_the_file_and_the_fix()
    {
        Directory.CreateDirectory(_work.File("search"));

        var run = Shell.Run("report", _work.Path);

        AssertRefused(run, "is missing");
    }

    [TestCase("", "is not a run record")]
    [TestCase("{ \"version\": 1, \"board\": \"zcu102\"", "is not a run record")]
    [TestCase("null", "holds null")]
    [TestCase("[1, 2]", "is not a run record")]
    [TestCase("{ \"version\": 1, \"board\": \"zcu102\" }", "is not a run record")]
    [TestCase("{ \"version\": 99, \"board\": \"b\", \"part\": \"p\", \"clock_mhz\": 1, \"engine\": \"e\", \"steps\": [], \"evaluated\": [], \"pareto\": [], \"subnets\": [], \"resources\": [] }", "version 99")]
    [TestCase("{ \"version\": 1, \"board\": \"b\", \"part\": \"p\", \"clock_mhz\": \"fast\", \"engine\": \"e\", \"steps\": [], \"evaluated\": [], \"pareto\": [], \"subnets\": [], \"resources\": [] }", "$.clock_mhz")]
    public void A_corrupt_run_json_is_refused_naming_the_file_and_the_fix(string text, string says)
    {
        _work.Write("run.json", text);

        var run = Shell.Run("report", _work.Path);

        AssertRefused(run, says);
    }

    private void AssertRefused(CliRun run, string says)
    {
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ShowsStackTrace, Is.False, run.ToString());
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1), run.ToString());
        Assert.That(run.ErrorLines[0], Does.Contain(_work.File("run.json")).And.Contain(says).And.Contain("rerun `quasar demo --out`"));
        Assert.That(File.Exists(_work.File("report.html")), Is.False, "no page from a bad record");
    }
}
