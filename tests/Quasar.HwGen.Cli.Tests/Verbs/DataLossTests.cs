using System.Diagnostics;
using System.Text;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Cli.Tests.Support;

namespace Quasar.HwGen.Cli.Tests.Verbs;

/// <summary>
/// The data-loss and hang cases of issue 12, through the command line: the user's files are intact afterwards, and
/// inputs that used to hang or kill the process end in one error line.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DataLossTests
{
    [Test]
    public void Lower_with_force_into_a_folder_of_user_files_refuses_and_keeps_them()
    {
        using var work = new WorkDirectory();
        work.Write("mine/notes.txt", "do not delete\n");
        work.Write("mine/deep/data.bin", "also mine\n");
        var before = work.Snapshot();

        var run = Shell.Run("lower", "--subnet", "fashion-mnist.largest", "--out", work.File("mine"), "--force");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines[0], Does.StartWith("error: ").And.Contain(work.File("mine")), run.ToString());
        Assert.That(work.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public void Lower_with_force_replaces_a_package_it_wrote()
    {
        using var work = new WorkDirectory();
        var package = work.File("pkg");
        Assert.That(Shell.Run("lower", "--subnet", "fashion-mnist.largest", "--out", package, "--count", "1").ExitCode, Is.Zero);

        var again = Shell.Run("lower", "--subnet", "fashion-mnist.largest", "--out", package, "--count", "1", "--seed", "2", "--force");

        Assert.That(again.ExitCode, Is.Zero, again.ToString());
    }

    [Test]
    public void Generate_never_deletes_a_file_outside_the_project_that_its_manifest_names()
    {
        using var inputs = new BadInputs();
        using var work = new WorkDirectory();
        var project = work.File("project");
        Assert.That(Shell.Run("generate", "--package", inputs.Package, "--out", project).ExitCode, Is.Zero);
        var outsideRelative = work.Write("outside.txt", "the user's\n");
        var outsideAbsolute = work.Write("elsewhere/abs.txt", "the user's too\n");
        var manifestPath = Path.Combine(project, "quasar-project.json");
        var manifest = File.ReadAllText(manifestPath);
        manifest = manifest.Replace("\"path\": \"include/quasar/ap_compat.h\"", "\"path\": \"../outside.txt\"", StringComparison.Ordinal)
            .Replace("\"path\": \"include/quasar/dsp_packing.h\"", $"\"path\": \"{outsideAbsolute}\"", StringComparison.Ordinal);
        File.WriteAllText(manifestPath, manifest);

        foreach (var force in new[] { false, true })
        {
            var run = Shell.Run(force ? ["generate", "--package", inputs.Package, "--out", project, "--force"] : ["generate", "--package", inputs.Package, "--out", project]);
            Assert.That(run.ShowsStackTrace, Is.False, run.ToString());
            Assert.That(File.ReadAllText(outsideRelative), Is.EqualTo("the user's\n"));
            Assert.That(File.ReadAllText(outsideAbsolute), Is.EqualTo("the user's too\n"));
            if (!force) Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        }
    }

    [Test]
    public void A_yaml_nested_twenty_thousand_levels_deep_is_one_error_not_a_dead_process()
    {
        using var work = new WorkDirectory();
        var deep = work.Write("deep.yaml", "name: " + new StringBuilder().Insert(0, "[", 20_000) + new StringBuilder().Insert(0, "]", 20_000) + "\n");

        var run = QuasarProcess.Run(work.Path, TimeSpan.FromMinutes(1), "estimate", "--subnet", "fashion-mnist.largest", "--platform", deep);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1).And.Some.StartsWith("error: ").And.Some.Contains(deep), run.ToString());
    }

    [Test]
    public void A_fifo_given_as_a_config_is_refused_at_once()
    {
        using var work = new WorkDirectory();
        var fifo = work.File("config.yaml");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();

        var run = Shell.Run(TimeSpan.FromSeconds(20), "estimate", "--subnet", "fashion-mnist.largest", "--platform", fifo);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines[0], Does.Contain(fifo), run.ToString());
    }

    [Test]
    public void A_device_given_as_a_config_is_refused_at_once()
    {
        var run = Shell.Run(TimeSpan.FromSeconds(20), "estimate", "--subnet", "fashion-mnist.largest", "--platform", "/dev/zero");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines[0], Does.Contain("/dev/zero"), run.ToString());
    }
}
