using System.Diagnostics;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Cli.Tests.Support;

namespace Quasar.HwGen.Cli.Tests.Verbs;

/// <summary>`quasar train` as a process sent SIGINT mid-run, as Ctrl-C does: a checkpoint, exit 130, and --resume continues.</summary>
[TestFixture]
[NonParallelizable]
public sealed class TrainInterruptTests
{
    [Test]
    public void Ctrl_C_writes_a_checkpoint_that_resume_continues_from()
    {
        using var work = new WorkDirectory();
        var run = work.File("run");
        string[] args = ["train", "--data", Path.Combine(Core.RepositoryLayout.Root, "samples", "data", "fashion-mnist"), "--validation-images", "200",
            "--train-images", "2048", "--epochs", "1", "--batch-size", "32", "--checkpoint-every", "1000", "--no-augment", "--out", run];

        var interrupted = RunUntil(work.Path, args, line => line.Contains("step ", StringComparison.Ordinal) || line.Contains("epoch", StringComparison.Ordinal));
        Assert.That(interrupted.ExitCode, Is.EqualTo(ExitCodes.Interrupted), interrupted.ToString());
        Assert.That(interrupted.Error, Does.Contain("interrupted: checkpoint ").And.Contain("rerun with --resume to continue"), interrupted.ToString());
        Assert.That(Directory.EnumerateFiles(Path.Combine(run, "checkpoints"), "step-*.json"), Is.Not.Empty);

        var resumed = QuasarProcess.Run(work.Path, TimeSpan.FromMinutes(5), [.. args, "--resume"]);
        Assert.That(resumed.ExitCode, Is.EqualTo(ExitCodes.Success), resumed.ToString());
        Assert.That(resumed.Out, Does.Contain("resuming from "), resumed.ToString());
    }

    [Test]
    public void A_loss_that_is_not_finite_stops_training_before_any_checkpoint_is_saved_with_exit_1()
    {
        using var work = new WorkDirectory();
        var diverged = DivergedCheckpoint.Write(work.Path, block: 1, element: 10);
        var run = work.File("run");

        var training = Shell.Run(TimeSpan.FromMinutes(5), "train", "--data", Path.Combine(Core.RepositoryLayout.Root, "samples", "data", "fashion-mnist"),
            "--validation-images", "200", "--train-images", "128", "--epochs", "1", "--batch-size", "32", "--checkpoint-every", "1",
            "--init-from", diverged, "--out", run);

        Assert.That(training.ExitCode, Is.EqualTo(ExitCodes.CheckFailed), training.ToString());
        Assert.That(training.ErrorLines, Has.Count.EqualTo(1), training.ToString());
        Assert.That(training.ErrorLines[0], Does.StartWith("error: training diverged: the loss of step 1 is NaN, so nothing after step 0 was saved; "
            + "train again with a lower --lr (the learning rate at that step was ").And.EndWith("), or check --init-from's weights"));
        Assert.That(training.ShowsStackTrace, Is.False);
        Assert.That(Directory.EnumerateFiles(run, "*", SearchOption.AllDirectories), Is.Empty, "no checkpoint of NaN weights");
    }

    /// <summary>Starts quasar, sends SIGINT once a line of stdout matches, and waits for it to end.</summary>
    private static CliRun RunUntil(string workingDirectory, string[] args, Func<string, bool> signalAfter)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "quasar.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        var error = process.StandardError.ReadToEndAsync();
        bool signalled = false;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            output.AppendLine(line);
            if (signalled || !signalAfter(line)) continue;
            using var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
            signalled = true;
        }
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) process.Kill(entireProcessTree: true);
        Assert.That(signalled, Is.True, $"no line to interrupt after:\n{output}");
        return new CliRun(process.ExitCode, output.ToString(), error.Result);
    }
}
