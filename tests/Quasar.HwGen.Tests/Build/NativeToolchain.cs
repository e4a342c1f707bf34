using System.Diagnostics;

namespace Quasar.HwGen.Tests.Build;

/// <summary>Runs g++ for tests that build small native objects.</summary>
internal static class NativeToolchain
{
    public static void Gpp(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("g++") { WorkingDirectory = workingDirectory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) Assert.Fail($"g++ {string.Join(' ', arguments)} failed:\n{errors}");
    }
}
