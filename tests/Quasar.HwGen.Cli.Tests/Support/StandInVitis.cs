using System.Runtime.InteropServices;

namespace Quasar.HwGen.Cli.Tests.Support;

/// <summary>
/// Puts the stand-in Vitis tools (tests/tools/Quasar.HwGen.FakeVitis, built with these tests) first on PATH, alone
/// with the system's own tools, for one test: vitis_hls and v++ (the classic flow) or vitis-run and v++ (the unified
/// flow), pretending to be <paramref name="release"/> and ending each run as <paramref name="mode"/> asks (pass, fail,
/// fail-exit0, hang, crash, no-report). It records every call; a hang records its pid and its child's.
/// </summary>
internal sealed class StandInVitis : IDisposable
{
    private static readonly string Fixtures = Path.Combine(Core.RepositoryLayout.Root, "tests", "fixtures", "vitis-reports");
    private readonly WorkDirectory _bin = new();
    private readonly string? _path = Environment.GetEnvironmentVariable("PATH");

    public StandInVitis(string mode = "pass", string release = "2020.2", bool unified = false)
    {
        CallLog = _bin.File("calls.tsv");
        PidFile = _bin.File("hang.pids");
        var dotnet = Path.Combine(Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..")), "dotnet");
        var fake = Path.Combine(AppContext.BaseDirectory, "quasar-fake-vitis.dll");
        foreach (var tool in unified ? new[] { "vitis-run", "v++" } : ["vitis_hls", "v++"])
        {
            var script = _bin.Write(tool,
                "#!/bin/sh\n"
                + $"export QUASAR_FAKE_VITIS_MODE='{mode}' QUASAR_FAKE_VITIS_RELEASE='{release}' QUASAR_FAKE_VITIS_FIXTURES='{Fixtures}'\n"
                + $"export QUASAR_FAKE_VITIS_CALLS='{CallLog}' QUASAR_FAKE_VITIS_PIDS='{PidFile}'\n"
                + $"exec '{dotnet}' '{fake}' '{tool}' \"$@\"\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        // Only the stand-ins, the shell's own tools and dotnet (package publishes the board app): a real Vitis here must not answer.
        Environment.SetEnvironmentVariable("PATH", $"{_bin.Path}:/usr/bin:/bin:{Path.GetDirectoryName(dotnet)}");
    }

    public string CallLog { get; }

    public string PidFile { get; }

    /// <summary>Each call: the tool, its working directory, then its arguments.</summary>
    public IReadOnlyList<string[]> Calls => File.Exists(CallLog) ? File.ReadAllLines(CallLog).Select(l => l.Split('\t')).ToArray() : [];

    /// <summary>The pids a hanging fake wrote (itself and its child), once it has.</summary>
    public IReadOnlyList<int> HangPids => File.Exists(PidFile)
        ? File.ReadAllLines(PidFile).Where(l => l.Length > 0).Select(l => int.Parse(l, System.Globalization.CultureInfo.InvariantCulture)).ToArray() : [];

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("PATH", _path);
        _bin.Dispose();
    }
}
