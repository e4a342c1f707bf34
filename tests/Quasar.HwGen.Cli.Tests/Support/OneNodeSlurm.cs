using System.Diagnostics;
using System.Globalization;

namespace Quasar.HwGen.Cli.Tests.Support;

/// <summary>
/// A one-node Slurm cluster on this machine for one fixture (docs: ../shared/spec/environment.md): a munge key and a
/// slurm.conf in a private temp folder, munged, slurmctld and slurmd started in the foreground as child processes and
/// stopped by their PIDs. SLURM_CONF points the client commands (sbatch, squeue, scancel) at it while it runs. Without
/// Slurm (or not as root, which slurmd needs) the test is ignored, except in CI (CI=true), where
/// .ci/install-system-packages installs slurm-wlm and munge, so it fails.
/// </summary>
internal sealed class OneNodeSlurm : IDisposable
{
    private static readonly string[] Daemons = ["/usr/sbin/munged", "/usr/sbin/slurmctld", "/usr/sbin/slurmd"];
    private readonly List<Process> _processes = [];
    private readonly string? _previousConf = Environment.GetEnvironmentVariable("SLURM_CONF");

    private OneNodeSlurm(string folder)
    {
        Folder = folder;
    }

    /// <summary>The cluster's folder: slurm.conf, the munge key and socket, the daemons' logs.</summary>
    public string Folder { get; }

    public string Conf => Path.Combine(Folder, "slurm.conf");

    public static OneNodeSlurm Start()
    {
        var missing = Daemons.Where(d => !File.Exists(d)).Concat(new[] { "/usr/bin/sbatch" }.Where(c => !File.Exists(c))).ToList();
        string? why = missing.Count > 0 ? $"no {string.Join(", ", missing)}" : Environment.UserName != "root" ? "not root (slurmd runs jobs as their users)" : null;
        if (why is not null)
        {
            const string Fix = "apt-get install slurm-wlm munge (.ci/install-system-packages does) and run as root";
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail($"a one-node Slurm cluster cannot start: {why}: {Fix}");
            Assert.Ignore($"a one-node Slurm cluster cannot start: {why}: {Fix}");
        }
        // No spaces (slurm.conf has no quoting) and private (munged checks its key's and socket's folders).
        var folder = Path.Combine(Path.GetTempPath(), "quasar-slurm-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        var cluster = new OneNodeSlurm(folder);
        try
        {
            cluster.Run();
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
        return cluster;
    }

    private void Run()
    {
        foreach (var sub in new[] { "state", "spool", "log" }) Directory.CreateDirectory(Path.Combine(Folder, sub));
        var key = Path.Combine(Folder, "munge.key");
        File.WriteAllBytes(key, System.Security.Cryptography.RandomNumberGenerator.GetBytes(1024));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(key, UnixFileMode.UserRead);
        var socket = Path.Combine(Folder, "munge.socket");
        File.WriteAllText(Conf, Configuration(socket));
        Environment.SetEnvironmentVariable("SLURM_CONF", Conf);
        Launch("/usr/sbin/munged", "-F", "--force", $"--socket={socket}", $"--key-file={key}", $"--pid-file={Path.Combine(Folder, "munged.pid")}",
            $"--seed-file={Path.Combine(Folder, "munged.seed")}", $"--log-file={Path.Combine(Folder, "log", "munged.log")}");
        WaitFor(() => File.Exists(socket), "munged's socket");
        Launch("/usr/sbin/slurmctld", "-D", "-i", "-f", Conf);
        Launch("/usr/sbin/slurmd", "-D", "-f", Conf);
        WaitFor(() => Client("sinfo", "-h", "-o", "%t").Trim() == "idle", "the node to be idle in sinfo");
    }

    /// <summary>KillWait 2 s and OverTimeLimit 0: a task over its time limit ends within the minute Slurm checks it, not later.</summary>
    private string Configuration(string socket)
    {
        var host = Client("hostname", "-s").Trim();
        int port = 20_000 + Random.Shared.Next(0, 20_000) * 2;
        var ci = CultureInfo.InvariantCulture;
        return string.Join('\n',
            "ClusterName=quasar-test",
            $"SlurmctldHost={host}",
            "SlurmUser=root",
            "AuthType=auth/munge",
            $"AuthInfo=socket={socket}",
            "CredType=cred/munge",
            "ProctrackType=proctrack/linuxproc",
            "TaskPlugin=task/none",
            "SelectType=select/cons_tres",
            "SchedulerType=sched/backfill",
            "MpiDefault=none",
            "JobAcctGatherType=jobacct_gather/none",
            "AccountingStorageType=accounting_storage/none",
            $"StateSaveLocation={Path.Combine(Folder, "state")}",
            $"SlurmdSpoolDir={Path.Combine(Folder, "spool")}",
            $"SlurmctldPidFile={Path.Combine(Folder, "slurmctld.pid")}",
            $"SlurmdPidFile={Path.Combine(Folder, "slurmd.pid")}",
            $"SlurmctldLogFile={Path.Combine(Folder, "log", "slurmctld.log")}",
            $"SlurmdLogFile={Path.Combine(Folder, "log", "slurmd.log")}",
            string.Create(ci, $"SlurmctldPort={port}"),
            string.Create(ci, $"SlurmdPort={port + 1}"),
            "ReturnToService=2",
            "KillWait=2",
            "OverTimeLimit=0",
            "InactiveLimit=0",
            "MinJobAge=600",
            string.Create(ci, $"NodeName={host} CPUs={Environment.ProcessorCount} State=UNKNOWN"),
            $"PartitionName=quasar Nodes={host} Default=YES MaxTime=INFINITE State=UP OverSubscribe=YES",
            "");
    }

    private void Launch(string daemon, params string[] arguments)
    {
        var start = new ProcessStartInfo(daemon) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        var log = Path.Combine(Folder, "log", Path.GetFileName(daemon) + ".out");
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
    }

    private static readonly Lock LogLock = new();

    private static void Append(string path, string? line)
    {
        if (line is null) return;
        lock (LogLock) File.AppendAllText(path, line + "\n");
    }

    private void WaitFor(Func<bool> ready, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!ready())
        {
            if (_processes.FirstOrDefault(p => p.HasExited) is { } died)
                Assert.Fail($"{died.StartInfo.FileName} exited with code {died.ExitCode} while waiting for {what}; logs in {Folder}/log");
            if (clock.Elapsed > TimeSpan.FromSeconds(30)) Assert.Fail($"waited 30 s for {what}; logs in {Folder}/log");
            Thread.Sleep(200);
        }
    }

    /// <summary>A client command's stdout ("" when it fails: not ready yet).</summary>
    public static string Client(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(20))) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return process.ExitCode == 0 ? output.Result : "";
    }

    /// <summary>Stops the daemons by their PIDs (slurmd first, munged last) and removes the cluster's folder.</summary>
    public void Dispose()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
            process.Dispose();
        }
        Environment.SetEnvironmentVariable("SLURM_CONF", _previousConf);
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}
