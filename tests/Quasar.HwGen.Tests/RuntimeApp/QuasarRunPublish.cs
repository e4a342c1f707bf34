using System.Diagnostics;

namespace Quasar.HwGen.Tests.RuntimeApp;

/// <summary>
/// `dotnet publish` of quasar-run, self-contained for one RID, into <paramref name="root"/> with an artifacts path
/// there too: the RID-specific restore and build never touch the solution's obj/ and bin/.
/// </summary>
internal static class QuasarRunPublish
{
    public static (string App, TimeSpan Elapsed) Publish(string rid, string root)
    {
        var project = Path.Combine(TestPaths.Root, "host-runtime", "Quasar.Runtime.App", "Quasar.Runtime.App.csproj");
        var output = Path.Combine(root, rid);
        var clock = Stopwatch.StartNew();
        var run = ChildProcess.Run("dotnet",
            ["publish", project, "-c", "Release", "-r", rid, "--self-contained", "--artifacts-path", Path.Combine(root, "build"), "-o", output, "-nologo"],
            TimeSpan.FromMinutes(10));
        Assert.That(run.ExitCode, Is.Zero, $"dotnet publish of quasar-run for {rid}\n{run}");
        return (Path.Combine(output, "quasar-run"), clock.Elapsed);
    }
}
