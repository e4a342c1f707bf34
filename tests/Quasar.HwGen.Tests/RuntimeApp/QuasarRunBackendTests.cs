using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Tests.Xrt;
using Quasar.Runtime.App;
using Quasar.Runtime.Xrt;

namespace Quasar.HwGen.Tests.RuntimeApp;

/// <summary>
/// `quasar-run --backend` through its entry point: sw-emu (the generated kernel through the XRT layer) writes the
/// logits of emu bit for bit and reports word layout, transfers and kernel runs; each wrong device setting is one
/// `error:` line with the exit code of its kind (2 usage, 3 bad input, 4 device).
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("NeedsGpp")]
public sealed class QuasarRunBackendTests
{
    private readonly Dictionary<string, string> _paths = new(StringComparer.Ordinal);
    private TemporaryDirectory _work = null!;

    [OneTimeSetUp]
    public async Task BuildTheDevice()
    {
        _work = new TemporaryDirectory();
        _paths["package"] = RuntimeAppPackages.FashionMnistLargest(_work.Path);
        var (xclbin, engine) = await SoftwareEmulationFolder.CreateAsync(_paths["package"], _work.Path);
        _paths["xclbin"] = xclbin;
        _paths["library"] = Path.Combine(Path.GetDirectoryName(xclbin)!, "libquasar_xrt_swemu.so");
        _paths["small"] = Path.Combine(Path.GetDirectoryName(xclbin)!, "small-engine.xclbin");
        SoftwareEmulationXclbin.Write(_paths["small"], Path.Combine(Path.GetDirectoryName(xclbin)!, "libquasar_gemm.so"), engine.Geometry, new GemmLimits(8, engine.MaxRows));
        _paths["missing"] = _work.File("no such.xclbin");
        File.WriteAllText(_paths["text"] = _work.File("notes.txt"), "not a library\n");
        IdxDataset.Save(FashionMnist.LoadTest(TestPaths.SampleData).Take(40), _paths["images"] = _work.File("images-idx3-ubyte"), _paths["labels"] = _work.File("labels-idx1-ubyte"));
    }

    [OneTimeTearDown]
    public void Remove() => _work.Dispose();

    [TestCase(1)]
    [TestCase(2)]
    public void Sw_emu_writes_the_logits_of_emu_bit_for_bit(int frames)
    {
        string emu = _work.File($"emu.{frames}.logits"), swEmu = _work.File($"sw-emu.{frames}.logits");
        var emuRun = Run($"--package {{package}} --idx {{images}} --labels {{labels}} --frames {frames} --logits", emu);
        var swEmuRun = Run($"--package {{package}} --idx {{images}} --labels {{labels}} --frames {frames} --backend sw-emu --xclbin {{xclbin}} --logits", swEmu);

        Assert.That((emuRun.ExitCode, swEmuRun.ExitCode), Is.EqualTo((0, 0)), $"{emuRun}\n{swEmuRun}");
        Assert.That(LogitsComparison.FirstDifference(emu, swEmu, 40), Is.Null);
        Assert.That(swEmuRun.Out, Does.Contain("on 40 images of").And.Contain("(runtime on sw-emu,"));
        Assert.That(swEmuRun.Out, Does.Match(@"accelerator calls \d+\.\d{3} ms \(word layout \d+\.\d{3} ms, transfers \d+\.\d{3} ms, kernel runs \d+\.\d{3} ms"));
    }

    /// <summary>What is wrong, arguments ({names} are paths), exit code, what the error line says.</summary>
    private static readonly object[][] Errors =
    [
        ["sw-emu without an xclbin", "--package {package} --random 1 --backend sw-emu", 2, "--backend sw-emu needs --xclbin <file>: `quasar sw-emu <project>` writes"],
        ["an xclbin for emu", "--package {package} --random 1 --xclbin {xclbin}", 2, "--xclbin applies to --backend sw-emu or xrt"],
        ["an unknown backend", "--package {package} --random 1 --backend fpga", 2, "--backend fpga: give emu (the C# emulation), sw-emu (the project's software device) or xrt (a board)"],
        ["the xclbin does not exist", "--package {package} --random 1 --backend sw-emu --xclbin {missing}", 3, "--xclbin {missing}: file not found; build the software device"],
        ["an xclbin whose engine is too small", "--package {package} --random 1 --backend sw-emu --xclbin {small}", 3, "does not fit the engine of '{small}'"],
        ["xrt without XRT installed", "--package {package} --random 1 --backend xrt --xclbin {xclbin}", 4, "cannot load the XRT library 'libxrt_coreutil.so.2'"],
        ["xrt pointed at the sw-emu library", "--package {package} --random 1 --backend xrt --xclbin {xclbin} --xrt-library {library}", 2, "--backend xrt: '{library}' is the sw-emu library, not XRT"],
        ["a library that is no library", "--package {package} --random 1 --backend sw-emu --xclbin {xclbin} --xrt-library {text}", 4, "cannot load the XRT library '{text}'"],
        ["a file that is no xclbin", "--package {package} --random 1 --backend sw-emu --xclbin {text}", 3, "'{text}' is not an xclbin (no 'xclbin2' header)"],
    ];

    [TestCaseSource(nameof(Errors))]
    public void A_wrong_device_setting_is_one_error_line_with_the_exit_code_of_its_kind(string what, string args, int exitCode, string message)
    {
        var run = Run(args);

        Assert.That(run.ExitCode, Is.EqualTo(exitCode), $"{what}\n{run}");
        Assert.That(run.ErrorLines[0], Does.StartWith("error: ").And.Contain(Resolve(message)), run.ToString());
        Assert.That(run.ShowsStackTrace, Is.False, run.ToString());
        Assert.That(run.Out, Is.Empty, "nothing on stdout when nothing ran");
    }

    private AppRun Run(string args, params string[] extra) => QuasarRunConsole.Run([.. args.Split(' ').Select(Resolve), .. extra]);

    private string Resolve(string text)
    {
        foreach (var (name, path) in _paths) text = text.Replace($"{{{name}}}", path, StringComparison.Ordinal);
        return text;
    }
}
