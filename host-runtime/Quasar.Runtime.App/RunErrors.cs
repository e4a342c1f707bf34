using Quasar.HwGen.Core.Ir;
using Quasar.Runtime.Xrt;

namespace Quasar.Runtime.App;

/// <summary>The error boundary: whatever escapes a run becomes one `error: ...` line on stderr and the code of its kind.</summary>
internal static class RunErrors
{
    public static int Report(Exception exception, bool verbose)
    {
        int code = exception switch
        {
            UsageException => ExitCodes.Usage,
            IOException or InvalidDataException or UnauthorizedAccessException or IrVerificationException or XclbinException => ExitCodes.BadInput,
            XrtException => ExitCodes.Device,
            OperationCanceledException => ExitCodes.Interrupted,
            _ => ExitCodes.Internal,
        };
        Console.Out.Flush();
        if (code == ExitCodes.Interrupted)
        {
            Console.Error.WriteLine("error: interrupted; no logits written");
            return code;
        }
        Console.Error.WriteLine(code == ExitCodes.Internal
            ? $"error: internal error ({exception.GetType().Name}): {exception.Message} -- a bug in quasar-run; rerun with --verbose for the stack trace and report it"
            : $"error: {exception.Message}");
        if (verbose) Console.Error.WriteLine(exception);
        return code;
    }
}
