using System.Diagnostics;
using Quasar.HwGen.Cli.Tests.Support;
using Quasar.HwGen.Core;

namespace Quasar.HwGen.Cli.Tests.Install;

/// <summary>
/// `quasar` as a user installs it: packed as a dotnet tool (the way ./build.sh PackTool does) and installed with
/// `dotnet tool install --tool-path` into a folder with no source tree above it.
/// </summary>
internal sealed class InstalledTool : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "quasar installed-tool " + Guid.NewGuid().ToString("N"));

    public InstalledTool()
    {
        Directory.CreateDirectory(Work);
        var source = Path.Combine(_root, "package");
        Dotnet(RepositoryLayout.Root, TimeSpan.FromMinutes(8), "pack", Path.Combine(RepositoryLayout.Root, "src", "Quasar.HwGen.Cli", "Quasar.HwGen.Cli.csproj"),
            "-c", "Release", "-p:QuasarToolPackage=true", "--artifacts-path", Path.Combine(_root, "build"), "-o", source);
        Package = Directory.GetFiles(source, "*.nupkg").Single();
        Dotnet(Work, TimeSpan.FromMinutes(3), "tool", "install", "Quasar.HwGen", "--tool-path", ToolPath, "--add-source", source);
    }

    /// <summary>The packed .nupkg.</summary>
    public string Package { get; }

    /// <summary>Where `dotnet tool install --tool-path` put the tool: its `quasar` command and its .store.</summary>
    public string ToolPath => Path.Combine(_root, "tool");

    /// <summary>An empty working folder outside any source tree.</summary>
    public string Work => Path.Combine(_root, "work");

    /// <summary>Runs the installed `quasar` in <see cref="Work"/>, with <paramref name="environment"/> added.</summary>
    public CliRun Run(TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(ToolPath, "quasar")) { WorkingDirectory = Work, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("QUASAR_HOME");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return QuasarProcess.Wait(start, timeout);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static void Dotnet(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var run = QuasarProcess.Wait(start, timeout);
        if (run.ExitCode != 0) Assert.Fail($"dotnet {string.Join(' ', args)} failed: {run}");
    }
}
