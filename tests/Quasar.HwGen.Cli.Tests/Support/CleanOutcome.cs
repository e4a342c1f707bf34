using Quasar.HwGen.Cli.Errors;

namespace Quasar.HwGen.Cli.Tests.Support;

/// <summary>What every run must end in, whatever it was given: success or one clean error of a documented kind.</summary>
internal static class CleanOutcome
{
    private static readonly int[] Allowed = [ExitCodes.Success, ExitCodes.CheckFailed, ExitCodes.Usage, ExitCodes.BadInput, ExitCodes.ToolFailed];

    /// <summary>Throws (for CsCheck to shrink) when <paramref name="run"/> crashed, printed a stack trace or failed without an error line.</summary>
    public static void Check(CliRun run, string commandLine)
    {
        if (!Allowed.Contains(run.ExitCode) || run.ShowsStackTrace)
            throw new AssertionException($"quasar {commandLine}\n{run}");
        if (run.ExitCode is ExitCodes.Usage or ExitCodes.BadInput && !run.ErrorLines.Any(line => line.StartsWith("error: ", StringComparison.Ordinal) && line.Length > 10))
            throw new AssertionException($"quasar {commandLine} failed without an error line\n{run}");
    }
}
