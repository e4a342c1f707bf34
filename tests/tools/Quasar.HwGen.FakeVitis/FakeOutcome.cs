using System.Diagnostics;

namespace Quasar.HwGen.FakeVitis;

/// <summary>Ends a fake run the way the scenario asks: success with or without outputs, failure, hang or crash.</summary>
internal static class FakeOutcome
{
    public static int End(FakeScenario scenario, FakeLog log, Action writeOutputs)
    {
        switch (scenario.Mode)
        {
            case FakeMode.Pass or FakeMode.TimingNotMet:
                writeOutputs();
                Print(log.Success);
                return 0;
            case FakeMode.NoReport:
                Print(log.Success);
                return 0;
            case FakeMode.Fail:
                Print(log.Failure);
                return log.FailureExitCode;
            case FakeMode.FailExitZero:
                Print(log.Failure);
                return 0;
            case FakeMode.Hang:
                Print(log.Success.Take(2));
                Hang(scenario.PidFile);
                return 0;
            case FakeMode.Crash:
                Print(log.Success.Take(2));
                Console.Out.Flush();
                Environment.FailFast("quasar-fake-vitis: crashing as asked (QUASAR_FAKE_VITIS_MODE=crash)");
                return 134;
            default:
                throw new FakeUsageException($"mode {scenario.Mode}");
        }
    }

    private static void Print(IEnumerable<string> lines)
    {
        foreach (var line in lines) Console.WriteLine(line);
        Console.Out.Flush();
    }

    /// <summary>
    /// Starts a child that outlives nothing on its own (a real tool runs Vivado or xsim as children) and waits forever,
    /// after writing both pids so the test can check that cancelling ends the whole tree.
    /// </summary>
    private static void Hang(string? pidFile)
    {
        using var child = Process.Start(new ProcessStartInfo("sleep", "3600") { UseShellExecute = false })
            ?? throw new FakeUsageException("could not start the child process of a hang");
        if (pidFile is not null) File.WriteAllText(pidFile, $"{Environment.ProcessId}\n{child.Id}\n");
        Thread.Sleep(Timeout.Infinite);
    }
}
