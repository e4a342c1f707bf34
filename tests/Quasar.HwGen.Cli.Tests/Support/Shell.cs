namespace Quasar.HwGen.Cli.Tests.Support;

/// <summary>
/// Runs `quasar` through its entry point (<see cref="QuasarCli.RunAsync"/>) in this process, with the console captured,
/// as the process would run it. Tests that use it must not run in parallel: the console is process-wide.
/// </summary>
internal static class Shell
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    public static CliRun Run(params string[] args) => Run(DefaultTimeout, args);

    public static CliRun Run(TimeSpan timeout, params string[] args)
    {
        var (oldOut, oldError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var run = Task.Run(() => QuasarCli.RunAsync(args));
            if (!run.Wait(timeout)) Assert.Fail($"quasar {string.Join(' ', args)} did not finish within {timeout}: it hangs");
            return new CliRun(run.Result, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}
