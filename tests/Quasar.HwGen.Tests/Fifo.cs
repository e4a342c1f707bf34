using System.Diagnostics;

namespace Quasar.HwGen.Tests;

/// <summary>Named pipes for tests of readers that must refuse them: opening one for reading blocks until a writer comes.</summary>
internal static class Fifo
{
    public static string Create(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.That(mkfifo.ExitCode, Is.Zero, $"mkfifo {path}");
        return path;
    }

    /// <summary>Runs <paramref name="read"/> and returns what it threw; fails (after unblocking it) when it has not finished in time.</summary>
    public static Exception? ThrownWithin(TimeSpan limit, Action read, string fifo)
    {
        var task = Task.Run(read);
        bool finished;
        try
        {
            finished = task.Wait(limit);
        }
        catch (AggregateException e)
        {
            return e.InnerException;
        }
        if (!finished)
        {
            // Open the writing end so the blocked open returns and the thread is not left hanging.
            using (new FileStream(fifo, FileMode.Open, FileAccess.Write)) { }
            Assert.Fail($"reading {fifo} still blocked after {limit.TotalSeconds} s");
        }
        return null;
    }
}
