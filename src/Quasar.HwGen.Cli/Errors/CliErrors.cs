using System.CommandLine;
using System.Reflection;

namespace Quasar.HwGen.Cli.Errors;

/// <summary>
/// The one error boundary of every verb: whatever escapes an action becomes `error: ...` on stderr and the exit code
/// of its kind (<see cref="ExitCodes"/>). A user never sees a bare stack trace; `--verbose` adds it for a bug report.
/// </summary>
public static class CliErrors
{
    public const string VerboseOption = "--verbose";

    public static int Run(ParseResult parse, Action action)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            action();
            return ExitCodes.Success;
        }
        catch (Exception e)
        {
            return Report(e, Verbose(parse));
        }
    }

    /// <summary>For verbs that decide their own exit code (e.g. a failed check is 1), and for verbs that await tools.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return Report(e, Verbose(parse));
        }
    }

    /// <summary>Prints <paramref name="exception"/> as the user should see it and returns its exit code.</summary>
    public static int Report(Exception exception, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var e = Unwrap(exception);
        int code = ExitCodeOf(e);
        Console.Out.Flush();
        Console.Error.WriteLine(code switch
        {
            ExitCodes.Interrupted => "interrupted",
            _ when LibTorchMissingException.Is(e) => $"error: {(e is LibTorchMissingException ? e.Message : LibTorchMissingException.ToolMessage)}",
            ExitCodes.Internal => $"error: internal error ({e.GetType().Name}): {e.Message} -- a bug in quasar; rerun with {VerboseOption} for the stack trace and report it",
            _ => $"error: {e.Message}",
        });
        if (verbose) Console.Error.WriteLine(exception);
        return code;
    }

    public static int ExitCodeOf(Exception e) => Unwrap(e) switch
    {
        OperationCanceledException => ExitCodes.Interrupted,
        UsageException => ExitCodes.Usage,
        CheckFailedException => ExitCodes.CheckFailed,
        Vitis.Tools.ToolException => ExitCodes.ToolFailed,
        var missing when LibTorchMissingException.Is(missing) => ExitCodes.ToolFailed,
        var inner when IsBadInput(inner) => ExitCodes.BadInput,
        _ => ExitCodes.Internal,
    };

    private static bool IsBadInput(Exception e) =>
        e is IOException or InvalidDataException or UnauthorizedAccessException or Core.Configs.ConfigException or Core.Ir.IrVerificationException or Core.Lowering.LoweringException
            or Hardware.Solver.InfeasibleEngineException or Search.Evolution.InfeasibleTargetException or Training.Checkpoints.CheckpointException
            or Codegen.Engine.CodegenException or Codegen.Templates.TemplateException;

    /// <summary>The exception that says what happened, not the wrapper a task, a reflection call or a static constructor put around it.</summary>
    private static Exception Unwrap(Exception e) => e switch
    {
        AggregateException { InnerExceptions.Count: 1 } a => Unwrap(a.InnerExceptions[0]),
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        TypeInitializationException { InnerException: { } inner } => Unwrap(inner),
        _ => e,
    };

    private static bool Verbose(ParseResult parse) => parse.GetValue<bool>(VerboseOption);
}
