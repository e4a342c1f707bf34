using System.Diagnostics;
using CliWrap;
using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Vitis.Processes;

/// <summary>
/// Runs a tool through CliWrap without validating its exit code (callers gate on the log), streaming each output line to
/// a callback as it arrives and keeping all of them.
/// </summary>
public static class ToolRunner
{
    /// <summary>Lines of the log a timeout error shows.</summary>
    public const int TimeoutExcerptLines = 15;

    /// <summary>For compilers: English messages with ASCII quotes, whatever the user's locale, so that logs read the same everywhere.</summary>
    public static IReadOnlyDictionary<string, string?> CLocale { get; } = new Dictionary<string, string?> { ["LC_ALL"] = "C" };

    public static async Task<ToolRunResult> RunAsync(
        string executable,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        Action<string>? onLine = null,
        TimeSpan? timeout = null,
        CancellationToken cancellation = default,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var lines = new List<string>();
        var gate = new Lock();
        void Receive(string line)
        {
            lock (gate)
            {
                lines.Add(line);
                onLine?.Invoke(line);
            }
        }

        var command = CommandLine.Format(executable, arguments);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        if (timeout is { } limit) deadline.CancelAfter(limit);
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await Cli.Wrap(executable)
                .WithArguments(arguments)
                .WithWorkingDirectory(workingDirectory)
                .WithValidation(CommandResultValidation.None)
                .WithEnvironmentVariables(environment ?? new Dictionary<string, string?>())
                .WithStandardOutputPipe(PipeTarget.ToDelegate(Receive))
                .WithStandardErrorPipe(PipeTarget.ToDelegate(Receive))
                .ExecuteAsync(deadline.Token)
                .ConfigureAwait(false);
            lock (gate) return new ToolRunResult(command, result.ExitCode, lines.ToArray(), clock.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested && timeout is not null)
        {
            string[] tail;
            lock (gate) tail = lines.Skip(Math.Max(0, lines.Count - TimeoutExcerptLines)).ToArray();
            throw new ToolException($"{Path.GetFileName(executable)} did not finish within {Duration(timeout.Value)} and was killed (with its child processes)", command, null, tail);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception || e.InnerException is System.ComponentModel.Win32Exception)
        {
            throw new ToolException($"{executable} could not be started: {e.Message}", command);
        }
    }

    /// <summary>A time limit as a person gives it: "1.8 s", "30 min", "6 h".</summary>
    public static string Duration(TimeSpan span) => span.TotalHours >= 1 ? Format(span.TotalHours, "h")
        : span.TotalMinutes >= 1 ? Format(span.TotalMinutes, "min")
        : Format(span.TotalSeconds, "s");

    private static string Format(double value, string unit) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " " + unit;
}
