using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Cli.Tests.Support;

namespace Quasar.HwGen.Cli.Tests.Errors;

/// <summary>The exit codes the README documents, and the shape of every error a user sees.</summary>
[TestFixture]
public sealed class ExitCodeTests
{
    [Test]
    public void The_documented_exit_codes_keep_their_values()
    {
        Assert.That(new[] { ExitCodes.Success, ExitCodes.CheckFailed, ExitCodes.Usage, ExitCodes.BadInput, ExitCodes.ToolFailed, ExitCodes.Internal, ExitCodes.Interrupted },
            Is.EqualTo(new[] { 0, 1, 2, 3, 4, 70, 130 }));
        var readme = File.ReadAllText(Path.Combine(Core.RepositoryLayout.Root, "README.md"));
        foreach (var code in new[] { "| 0 |", "| 1 |", "| 2 |", "| 3 |", "| 4 |", "| 70 |", "| 130 |" })
            Assert.That(readme, Does.Contain(code), $"README.md's exit code table lacks the row {code}");
    }

    [Test]
    public void No_verb_is_a_usage_error_that_points_to_the_help()
    {
        var run = Shell.Run();
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString());
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { "error: Required command was not provided.", "run 'quasar --help' for the options" }));
    }

    [Test]
    public void An_unknown_verb_is_a_usage_error_naming_it()
    {
        var run = Shell.Run("synthesise");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString());
        Assert.That(run.Error, Does.Contain("error: Unrecognized command or argument 'synthesise'."));
    }

    [Test]
    public void An_unknown_option_names_the_verb_whose_help_lists_the_real_ones()
    {
        var run = Shell.Run("estimate", "--subnet", "quasar-s-like", "--fps", "200");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString());
        Assert.That(run.ErrorLines, Does.Contain("error: Unrecognized command or argument '--fps'."));
        Assert.That(run.ErrorLines.Last(), Is.EqualTo("run 'quasar estimate --help' for the options"));
    }

    [Test]
    public void Help_is_not_an_error()
    {
        var run = Shell.Run("search", "--help");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(run.Out, Does.Contain("--top-k"));
    }

    [Test]
    public void An_unexpected_exception_is_an_internal_error_with_a_hint_and_no_stack_trace()
    {
        var (code, error) = Capture(() => CliErrors.Report(new InvalidOperationException("the sky fell"), verbose: false));
        Assert.That(code, Is.EqualTo(ExitCodes.Internal));
        Assert.That(error.Trim(), Is.EqualTo("error: internal error (InvalidOperationException): the sky fell -- a bug in quasar; rerun with --verbose for the stack trace and report it"));
    }

    [Test]
    public void Verbose_adds_the_stack_trace_of_an_internal_error()
    {
        var (_, error) = Capture(() => CliErrors.Report(Thrown(), verbose: true));
        Assert.That(error, Does.Contain("   at "));
    }

    [TestCase(typeof(FileNotFoundException), ExitCodes.BadInput)]
    [TestCase(typeof(InvalidDataException), ExitCodes.BadInput)]
    [TestCase(typeof(UsageException), ExitCodes.Usage)]
    [TestCase(typeof(CheckFailedException), ExitCodes.CheckFailed)]
    [TestCase(typeof(OperationCanceledException), ExitCodes.Interrupted)]
    [TestCase(typeof(ArgumentOutOfRangeException), ExitCodes.Internal)]
    [TestCase(typeof(NullReferenceException), ExitCodes.Internal)]
    public void Each_kind_of_failure_has_its_exit_code(Type type, int expected)
    {
        var exception = (Exception)Activator.CreateInstance(type, "message")!;
        Assert.That(CliErrors.ExitCodeOf(exception), Is.EqualTo(expected));
        Assert.That(CliErrors.ExitCodeOf(new AggregateException(exception)), Is.EqualTo(expected), "a task's wrapper hides nothing");
    }

    [Test]
    public void A_missing_tool_is_a_tool_failure() =>
        Assert.That(CliErrors.ExitCodeOf(new Vitis.Tools.ToolException("g++ not found")), Is.EqualTo(ExitCodes.ToolFailed));

    private static Exception Thrown()
    {
        try
        {
            throw new InvalidOperationException("deep");
        }
        catch (InvalidOperationException e)
        {
            return e;
        }
    }

    private static (int Code, string Error) Capture(Func<int> report)
    {
        var old = Console.Error;
        using var error = new StringWriter();
        Console.SetError(error);
        try
        {
            return (report(), error.ToString());
        }
        finally
        {
            Console.SetError(old);
        }
    }
}
