using System.Diagnostics;
using Quasar.HwGen.Tests.Build;

namespace Quasar.HwGen.Tests.Hls;

/// <summary>
/// A C++ test program of tests/cpp built with g++ against hls-templates/include, and run. The warnings are the brief's
/// (-Wall -Wextra -Werror) minus the two that HLS code triggers by design: GCC 12 cannot silence -Wunknown-pragmas
/// from inside a header (GCC bug 53431) for the #pragma HLS lines, and loop labels exist for the csynth reports.
/// </summary>
internal sealed class HlsCppProgram
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private HlsCppProgram(string path) => Path = path;

    public string Path { get; }

    public static string IncludeDirectory => System.IO.Path.Combine(TestPaths.Root, "hls-templates", "include");

    public static string SourceDirectory => System.IO.Path.Combine(TestPaths.Root, "tests", "cpp");

    /// <summary>Compiles tests/cpp/<paramref name="name"/>.cpp into <paramref name="outputDirectory"/>.</summary>
    public static HlsCppProgram Build(string name, string outputDirectory)
    {
        string output = System.IO.Path.Combine(outputDirectory, name);
        NativeToolchain.Gpp(outputDirectory, "-std=c++14", "-O2", "-Wall", "-Wextra", "-Werror", "-Wno-unknown-pragmas", "-Wno-unused-label",
            "-I", IncludeDirectory, "-I", SourceDirectory, System.IO.Path.Combine(SourceDirectory, name + ".cpp"), "-o", output);
        return new HlsCppProgram(output);
    }

    /// <summary>Runs the program; a run longer than two minutes fails the test (an engine that never ends).</summary>
    public (int ExitCode, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill();
            Assert.Fail($"{Path} did not finish within {Timeout.TotalMinutes} minutes");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
