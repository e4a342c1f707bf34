using System.Diagnostics;
using System.Globalization;
using Quasar.Runtime.App;

namespace Quasar.HwGen.Tests.RuntimeApp;

/// <summary>
/// `quasar-run` as a process sent SIGINT mid-run, as Ctrl-C (or `systemctl stop`'s SIGTERM) does: it stops between
/// images, says so in one line, exits 130 and writes no logits file, not even a partial one.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class QuasarRunInterruptTests
{
    [TestCase("INT")]
    [TestCase("TERM")]
    public void A_signal_stops_the_run_between_images_without_writing_logits(string signal)
    {
        using var work = new TemporaryDirectory();
        var package = RuntimeAppPackages.FashionMnistLargest(work.Path);
        var logits = work.File("run.logits");
        // Logging at Information marks the start of the images: the signal then lands mid-run, not in start-up.
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "quasar-run")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--package", package, "--random", "100000", "--logits", logits }) start.ArgumentList.Add(arg);
        start.Environment["Logging__LogLevel__Default"] = "Information";
        start.Environment["QUASAR_Logging__LogLevel__Default"] = "Information";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = new System.Text.StringBuilder();
        bool signalled = false;
        while (process.StandardError.ReadLine() is { } line)
        {
            error.AppendLine(line);
            if (signalled || !line.Contains("Running 100000 image(s)", StringComparison.Ordinal)) continue;
            Thread.Sleep(500);
            using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
            signalled = true;
        }
        if (!process.WaitForExit(TimeSpan.FromMinutes(2))) process.Kill(entireProcessTree: true);

        var run = new AppRun(process.ExitCode, output.Result, error.ToString());
        Assert.That(signalled, Is.True, $"the run never started its images:\n{run}");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Interrupted), run.ToString());
        Assert.That(run.ErrorLines, Has.Some.EqualTo("error: interrupted; no logits written"), run.ToString());
        Assert.That(run.ShowsStackTrace, Is.False, run.ToString());
        Assert.That(Directory.GetFiles(work.Path), Is.Empty, "no logits file, complete or partial");
    }
}
