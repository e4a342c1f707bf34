using Quasar.Runtime.App;

namespace Quasar.HwGen.Tests.RuntimeApp;

/// <summary>
/// Runs `quasar-run` through its entry point (<see cref="QuasarRunCli.Run"/>) in this process with the console
/// captured, as the process would run it. Tests that use it must not run in parallel: the console is process-wide.
/// </summary>
internal static class QuasarRunConsole
{
    public static AppRun Run(params string[] args)
    {
        var (oldOut, oldError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            int exitCode = QuasarRunCli.Run(args);
            return new AppRun(exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}
