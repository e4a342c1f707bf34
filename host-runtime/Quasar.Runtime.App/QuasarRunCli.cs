using System.CommandLine;
using System.CommandLine.Help;

namespace Quasar.Runtime.App;

/// <summary>
/// The `quasar-run` entry point: a wrong command line is `error: ...` and exit code 2 before anything loads; a run
/// that fails is one `error: ...` line and the code of its kind (<see cref="ExitCodes"/>), never a stack trace.
/// Tests call <see cref="Run"/> as the process would.
/// </summary>
public static class QuasarRunCli
{
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            var parse = RunArguments.Create(Execute).Parse(args);
            if (parse.Errors.Count > 0 && parse.Action is not HelpAction) return ReportUsage(parse);
            return parse.Invoke();
        }
        catch (Exception e)
        {
            return RunErrors.Report(e, args.Contains(RunArguments.VerboseOption));
        }
    }

    private static int Execute(RunOptions options, bool verbose)
    {
        try
        {
            Console.WriteLine(RunJob.Execute(options));
            return ExitCodes.Success;
        }
        catch (Exception e)
        {
            return RunErrors.Report(e, verbose);
        }
    }

    private static int ReportUsage(ParseResult parse)
    {
        foreach (var error in parse.Errors.Select(e => e.Message).Distinct()) Console.Error.WriteLine($"error: {error}");
        Console.Error.WriteLine("run 'quasar-run --help' for the options");
        return ExitCodes.Usage;
    }
}
