using System.Diagnostics;

namespace Quasar.HwGen.Cli.Tests.Support;

/// <summary>
/// Runs `quasar` as its own process (`dotnet quasar.dll`), for what only a process shows: the real exit code after a
/// crash, a stack overflow, the console streams as a shell sees them.
/// </summary>
internal static class QuasarProcess
{
    public static CliRun Run(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "quasar.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return Wait(start, timeout);
    }

    /// <summary>Starts <paramref name="start"/> (its streams redirected) with no input and waits; a hang fails the test with its last output.</summary>
    public static CliRun Wait(ProcessStartInfo start, TimeSpan timeout)
    {
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            // What it printed before it stopped progressing: where a hang happens is the first thing to know.
            static string Tail(Task<string> text) => string.Join('\n', text.Result.Split('\n').TakeLast(20));
            Assert.Fail($"{Path.GetFileName(start.FileName)} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}: it hangs\n--- last stdout\n{Tail(output)}\n--- last stderr\n{Tail(error)}");
        }
        process.WaitForExit();
        return new CliRun(process.ExitCode, output.Result, error.Result);
    }
}
