using Quasar.HwGen.Core.Ir;

namespace Quasar.Runtime.App;

/// <summary>The error boundary: whatever escapes a run becomes one `error: ...` line on stderr and the code of its kind.</summary>
internal static class RunErrors
{
    public static int Report(Exception exception, bool verbose)
    {
        int code = exception switch
        {
            UsageException => ExitCodes.Usage,
            IOException or InvalidDataException or UnauthorizedAccessException or IrVerificationException => ExitCodes.BadInput,
            _ => ExitCodes.Internal,
        };
        Console.Out.Flush();
        Console.Error.WriteLine(code == ExitCodes.Internal
            ? $"error: internal error ({exception.GetType().Name}): {exception.Message} -- a bug in quasar-run; rerun with --verbose for the stack trace and report it"
            : $"error: {exception.Message}");
        if (verbose) Console.Error.WriteLine(exception);
        return code;
    }
}
