using System.CommandLine;
using System.CommandLine.Help;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Quasar.Runtime.App;

/// <summary>
/// The `quasar-run` entry point: a wrong command line is `error: ...` and exit code 2 before anything loads; a run
/// that fails is one `error: ...` line and the code of its kind (<see cref="ExitCodes"/>), never a stack trace.
/// A run is a generic host (<see cref="RunHost"/>): settings from appsettings.json, the environment and the command
/// line; logging; Ctrl-C or SIGTERM stop it between images; under systemd it reports readiness and logs to the journal.
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

    private static int Execute(RunArguments.Given given)
    {
        try
        {
            using var host = RunHost.Build(given);
            var options = RunHost.Settings(host).ToOptions();
            host.Start();
            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Quasar.Run");
            foreach (var line in RunJob.Execute(options, logger, lifetime.ApplicationStopping)) Console.WriteLine(line);
            host.StopAsync().GetAwaiter().GetResult();
            return ExitCodes.Success;
        }
        catch (Exception e)
        {
            return RunErrors.Report(e, given.Verbose);
        }
    }

    private static int ReportUsage(ParseResult parse)
    {
        foreach (var error in parse.Errors.Select(e => e.Message).Distinct()) Console.Error.WriteLine($"error: {error}");
        Console.Error.WriteLine("run 'quasar-run --help' for the options");
        return ExitCodes.Usage;
    }
}
