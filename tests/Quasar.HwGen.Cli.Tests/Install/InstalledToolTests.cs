using Quasar.HwGen.Core;

namespace Quasar.HwGen.Cli.Tests.Install;

/// <summary>
/// The dotnet tool a hardware engineer installs (issue 17): it works with no source tree and no libtorch for the verbs
/// that do not need the float model, and says in one line what the others need.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("NeedsGpp")]
public sealed class InstalledToolTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(4);

    private InstalledTool _tool = null!;

    [OneTimeSetUp]
    public void PackAndInstall() => _tool = new InstalledTool();

    [OneTimeTearDown]
    public void Uninstall() => _tool.Dispose();

    [Test]
    public void The_package_leaves_libtorch_out()
    {
        var libraries = Directory.EnumerateFiles(_tool.ToolPath, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();

        Assert.That(libraries, Has.None.StartsWith("libtorch"), "libtorch is 600 MB; the tool must not carry it");
        Assert.That(libraries, Has.Some.EqualTo("TorchSharp.dll"), "the managed part stays, so that libtorch alone completes it");
        Assert.That(new FileInfo(_tool.Package).Length, Is.LessThan(64L << 20));
    }

    [Test]
    public void Lower_of_the_shipped_trained_export_generate_csim_and_sw_emu_run_without_a_source_tree_or_libtorch()
    {
        Assert.That(Directory.GetFiles(_tool.Work), Is.Empty);

        var lower = Expect(_tool.Run(Step, null, "lower", "--weights", "fashion-mnist.largest", "--out", "fm.qir"));
        Assert.That(File.ReadAllText(Path.Combine(_tool.Work, "fm.qir", "graph.json")), Does.Contain("fashion-mnist.largest.weights"), lower.ToString());
        var generate = Expect(_tool.Run(Step, null, "generate", "--package", "fm.qir", "--out", "fm.project"));
        var csim = Expect(_tool.Run(Step, null, "csim", "fm.project", "--gxx"));
        var swEmu = Expect(_tool.Run(Step, null, "sw-emu", "fm.project"));

        Assert.That(generate.Out, Does.Contain("golden"), generate.ToString());
        Assert.That(csim.Out + csim.Error, Does.Contain("PASS").IgnoreCase, csim.ToString());
        Assert.That(Directory.EnumerateFiles(Path.Combine(_tool.Work, "fm.project", "sw_emu"), "*.xclbin", SearchOption.AllDirectories).ToList(),
            Has.Count.EqualTo(1), swEmu.ToString());
    }

    [Test]
    public void Estimate_and_the_runtime_start_without_libtorch()
    {
        Expect(_tool.Run(Step, null, "lower", "--subnet", "fashion-mnist.largest", "--out", "infer.qir"));

        var estimate = Expect(_tool.Run(Step, null, "estimate", "--subnet", "fashion-mnist.largest"));
        var infer = Expect(_tool.Run(Step, null, "infer", "--package", "infer.qir", "--count", "20"));

        Assert.That(estimate.Out, Does.Contain("FPS"), estimate.ToString());
        Assert.That(infer.Out, Does.Contain("20"), infer.ToString());
    }

    [Test]
    public void A_verb_that_needs_libtorch_says_so_in_one_line_and_libtorch_on_the_library_path_completes_it()
    {
        var checkpoint = Path.Combine(RepositoryLayout.Root, "samples", "models", "fashion-mnist-supernet", "supernet.json");
        string[] lower = ["lower", "--subnet", "fashion-mnist.largest", "--checkpoint", checkpoint, "--out", "trained.qir"];

        // A module's constructor (lower --checkpoint) and torch's own first call (train) fail differently in TorchSharp.
        foreach (var args in new[] { lower, ["train", "--space", "fashion-mnist", "--out", "training", "--epochs", "1"] })
        {
            var without = _tool.Run(Step, null, args);

            Assert.That(without.ExitCode, Is.EqualTo(4), without.ToString());
            Assert.That(without.ErrorLines.Where(l => l.StartsWith("error:", StringComparison.Ordinal)), Is.EqualTo(new[]
            {
                "error: this needs libtorch 2.10 (CPU), which the quasar tool does not carry: put the folder of libtorch.so on LD_LIBRARY_PATH "
                    + "(docs/install.md says where to get it), or run quasar from a source build (./build.sh)",
            }), without.ToString());
            Assert.That(without.ShowsStackTrace, Is.False, without.ToString());
        }
        Assert.That(Directory.Exists(Path.Combine(_tool.Work, "trained.qir")), Is.False);
        Assert.That(Directory.EnumerateFiles(_tool.ToolPath, "libtorch*", SearchOption.AllDirectories), Is.Empty,
            "TorchSharp's own fallback copies libtorch from a NuGet cache into the tool's folder; quasar stops before it");

        // The libtorch this build restored (NuGet's libtorch-cpu-linux-x64, one of the places docs/install.md names).
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var libtorch = Directory.GetDirectories(Path.Combine(packages, "libtorch-cpu-linux-x64")).Select(v => Path.Combine(v, "runtimes", "linux-x64", "native"))
            .Single(Directory.Exists);
        var with = _tool.Run(Step, new Dictionary<string, string> { ["LD_LIBRARY_PATH"] = libtorch }, lower);

        Assert.That(with.ExitCode, Is.Zero, with.ToString());
        Assert.That(Directory.Exists(Path.Combine(_tool.Work, "trained.qir")), with.ToString());
    }

    private static Support.CliRun Expect(Support.CliRun run)
    {
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        return run;
    }
}
