using System.Diagnostics;
using System.Globalization;
using Quasar.HwGen.Tests.Xrt;
using Quasar.HwGen.Vitis.SoftwareEmulation;

namespace Quasar.HwGen.Tests.RuntimeApp;

/// <summary>
/// Issue 14's check on a CI-sized sample: quasar-run published self-contained for linux-x64 and for linux-arm64 (run
/// under qemu-user) gives byte-identical logits on 20 Fashion-MNIST test images of the largest subnet and on one random
/// input of the QUASAR-S-like subnet; and on 10 images through the sw-emu device (issue 15). `./build.sh Arm64` and
/// `./build.sh SwEmu` run the full checks (300 and 100 images of the shipped checkpoint).
/// </summary>
[TestFixture]
[Category("Arm64")]
[NonParallelizable]
public sealed class Arm64BitExactnessTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);
    private readonly Dictionary<string, string> _apps = new(StringComparer.Ordinal);
    private TemporaryDirectory? _work;
    private string _qemu = null!;

    [OneTimeSetUp]
    public void PublishBothBuilds()
    {
        _qemu = Qemu.Require();
        _work = new TemporaryDirectory();
        foreach (var rid in new[] { "linux-x64", "linux-arm64" })
        {
            var (app, elapsed) = QuasarRunPublish.Publish(rid, _work.Path);
            _apps[rid] = app;
            TestContext.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"published quasar-run for {rid} in {elapsed.TotalSeconds:F1} s"));
        }
    }

    [OneTimeTearDown]
    public void RemoveBuilds() => _work?.Dispose();

    [Test]
    public void Twenty_Fashion_MNIST_test_images_of_the_largest_subnet_give_identical_logits_on_x64_and_arm64()
    {
        var images = Path.Combine(TestPaths.SampleData, "t10k-images-idx3-ubyte.gz");
        var labels = Path.Combine(TestPaths.SampleData, "t10k-labels-idx1-ubyte.gz");
        AssertIdenticalLogits(RuntimeAppPackages.FashionMnistLargest(_work!.Path), 20, "--idx", images, "--labels", labels, "--count", "20");
    }

    [Test]
    public void A_random_input_of_the_QUASAR_S_like_subnet_gives_identical_logits_on_x64_and_arm64() =>
        AssertIdenticalLogits(RuntimeAppPackages.QuasarSLike(_work!.Path), 1, "--random", "1", "--seed", "3");

    /// <summary>Issue 15's sample: the arm64 app on the arm64 sw-emu device (kernel and XRT library cross-compiled) under qemu.</summary>
    [Test]
    [Category("NeedsGpp")]
    public async Task Ten_Fashion_MNIST_test_images_on_sw_emu_give_identical_logits_on_x64_and_arm64()
    {
        if (Environment.GetEnvironmentVariable("PATH")!.Split(':').All(d => !File.Exists(Path.Combine(d, SoftwareDeviceTargets.Arm64Compiler))))
            Assert.Ignore($"{SoftwareDeviceTargets.Arm64Compiler} is missing: .ci/install-system-packages installs g++-aarch64-linux-gnu on Debian");
        var devices = Directory.CreateDirectory(Path.Combine(_work!.Path, "sw-emu")).FullName;
        var package = RuntimeAppPackages.FashionMnistLargest(devices);
        var (native, _) = await SoftwareEmulationFolder.CreateAsync(package, devices, SoftwareDeviceTarget.Native);
        var (arm64, _) = await SoftwareEmulationFolder.CreateAsync(package, devices, SoftwareDeviceTarget.Arm64);
        var images = Path.Combine(TestPaths.SampleData, "t10k-images-idx3-ubyte.gz");

        AssertIdenticalLogits(package, 10, rid => ["--idx", images, "--count", "10", "--backend", "sw-emu", "--xclbin", rid == "linux-arm64" ? arm64 : native]);
    }

    private void AssertIdenticalLogits(string package, int images, params string[] input) => AssertIdenticalLogits(package, images, _ => input);

    private void AssertIdenticalLogits(string package, int images, Func<string, string[]> input)
    {
        var name = Path.GetFileNameWithoutExtension(package) + (input("linux-x64").Contains("sw-emu") ? ".sw-emu" : "");
        var logits = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (rid, app) in _apps)
        {
            logits[rid] = Path.Combine(_work!.Path, $"{name}.{rid}.logits");
            string[] args = ["--package", package, .. input(rid), "--logits", logits[rid]];
            var clock = Stopwatch.StartNew();
            var run = rid == "linux-arm64" ? ChildProcess.Run(_qemu, [app, .. args], RunTimeout, Qemu.Environment) : ChildProcess.Run(app, args, RunTimeout);
            Assert.That(run.ExitCode, Is.Zero, $"quasar-run for {rid}\n{run}");
            TestContext.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} on {rid}: {clock.Elapsed.TotalSeconds:F1} s; {run.Out.Trim()}"));
        }
        // Both the GEMM paths and the ISAs differ: x64 picks AVX, arm64 has only the scalar loops.
        Assert.That(LogitsComparison.FirstDifference(logits["linux-x64"], logits["linux-arm64"], images), Is.Null,
            $"{name}: linux-x64 vs linux-arm64 (qemu) logits");
    }
}
