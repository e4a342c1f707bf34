using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Cli.Tests.Support;
using Quasar.Runtime.Xrt;

namespace Quasar.HwGen.Cli.Tests.Verbs;

/// <summary>
/// `quasar sw-emu` through the entry point: a generated project gets a relocatable folder with the kernel library, the
/// sw-emu XRT library and an xclbin that names the one and records the project's engine; for arm64 both libraries are
/// aarch64 code; a folder that is no project and an unknown architecture are one-line errors.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("NeedsGpp")]
public sealed class SoftwareEmulationCommandTests
{
    private const ushort ElfMachineAarch64 = 183;
    private BadInputs _inputs = null!;

    [OneTimeSetUp]
    public void MakeInputs() => _inputs = new BadInputs();

    [OneTimeTearDown]
    public void RemoveInputs() => _inputs.Dispose();

    [Test]
    public void A_generated_project_gets_its_device_folder_with_an_xclbin_recording_the_engine()
    {
        var run = Shell.Run(TimeSpan.FromMinutes(5), "sw-emu", _inputs.Project);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        var xclbin = Path.Combine(_inputs.Project, "sw_emu", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, "quasar_gemm.sw_emu.xclbin");
        Assert.That(run.Out, Does.Contain($": {xclbin}").And.Contain("quasar-run --package <IR package> --backend sw-emu --xclbin"));
        var record = XclbinFile.Read(xclbin);
        Assert.That(record.Metadata["library"], Is.EqualTo("libquasar_gemm.so"), "named relative to the xclbin, so the folder can move");
        Assert.That(record.Engine.Keys, Is.SupersetOf(new[] { "tile_tokens", "tile_rows", "tile_reduction", "max_reduction", "max_rows" }));
        Assert.That(SoftwareEmulationXclbin.DeviceLibraryName, Is.EqualTo(Vitis.SoftwareEmulation.SoftwareDeviceBuilder.LibraryName), "the name the runtime looks for");
        Assert.That(File.Exists(Path.Combine(Path.GetDirectoryName(xclbin)!, "libquasar_xrt_swemu.so")));

        var again = Shell.Run(TimeSpan.FromMinutes(5), "sw-emu", _inputs.Project);
        Assert.That(again.ExitCode, Is.EqualTo(ExitCodes.Success), "a rebuild replaces the folder's files: " + again);
        Assert.That(XclbinFile.Read(xclbin).Uuid, Is.EqualTo(record.Uuid), "the same kernel keeps its UUID");
    }

    [Test]
    public void The_arm64_device_is_aarch64_code()
    {
        if (Environment.GetEnvironmentVariable("PATH")!.Split(':').All(d => !File.Exists(Path.Combine(d, "aarch64-linux-gnu-g++"))))
            Assert.Ignore("aarch64-linux-gnu-g++ is missing: .ci/install-system-packages installs g++-aarch64-linux-gnu on Debian");

        var run = Shell.Run(TimeSpan.FromMinutes(5), "sw-emu", _inputs.Project, "--arch", "arm64");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        var folder = Path.Combine(_inputs.Project, "sw_emu", "linux-arm64");
        Assert.That(new[] { "libquasar_gemm.so", "libquasar_xrt_swemu.so" }.Select(name => ElfMachine(Path.Combine(folder, name))),
            Is.All.EqualTo(ElfMachineAarch64));
    }

    [Test]
    public void A_folder_that_is_no_project_is_one_error_line()
    {
        using var work = new WorkDirectory();
        var run = Shell.Run("sw-emu", work.Path);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1).And.Some.StartsWith("error: ").And.Some.Contain(work.Path), run.ToString());
        Assert.That(run.ShowsStackTrace, Is.False, run.ToString());
    }

    [Test]
    public void An_unknown_architecture_is_a_usage_error()
    {
        var run = Shell.Run("sw-emu", _inputs.Project, "--arch", "sparc");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString());
        Assert.That(run.Error, Does.Contain("sparc"), run.ToString());
    }

    private static ushort ElfMachine(string path)
    {
        using var file = File.OpenRead(path);
        var header = new byte[20];
        file.ReadExactly(header);
        return BitConverter.ToUInt16(header, 18);
    }
}
