using System.Diagnostics;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Cli.Tests.Support;

namespace Quasar.HwGen.Cli.Tests.Verbs;

/// <summary>
/// `quasar package` without --app publishes quasar-run for linux-arm64 from this source tree onto the SD card; the
/// card's own application then runs the card's own model under qemu-aarch64 (on the C# engine emulation: no XRT here),
/// as it would on the ZCU102's Cortex-A53 from the card's folder.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("Arm64")]
public sealed class SdCardOnArm64Tests
{
    [Test]
    public void The_card_s_arm64_application_runs_the_card_s_model()
    {
        var qemu = Path.Combine("/usr/bin", "qemu-aarch64");
        if (!File.Exists(qemu))
        {
            const string message = "qemu-aarch64 not found: install qemu-user and the arm64 libraries (.ci/install-system-packages does)";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(message);
            Assert.Ignore(message);
        }
        using var inputs = new BadInputs();
        var project = inputs.Project;
        Directory.CreateDirectory(Path.Combine(project, "build", "hw"));
        File.WriteAllText(Path.Combine(project, "build", "hw", "quasar_gemm.xclbin"), "xclbin2");
        using var vitis = new StandInVitis();

        var package = Shell.Run(TimeSpan.FromMinutes(10), "package", project);

        Assert.That(package.ExitCode, Is.EqualTo(ExitCodes.Success), package.ToString());
        var card = Path.Combine(project, "build", "hw", "sd_card");
        var start = new ProcessStartInfo(qemu) { WorkingDirectory = card, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "./quasar-run/quasar-run", "--backend", "emu", "--package", "model", "--random", "2" }) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        using var run = Process.Start(start)!;
        var output = run.StandardOutput.ReadToEndAsync();
        var error = run.StandardError.ReadToEndAsync();
        if (!run.WaitForExit(TimeSpan.FromMinutes(5))) run.Kill(entireProcessTree: true);

        Assert.That(run.ExitCode, Is.Zero, () => error.Result);
        Assert.That(output.Result, Does.Contain("on 2 images of random (SplitMix64, seed 1)"), () => output.Result + error.Result);
    }
}
