using System.CommandLine;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Codegen.Project;
using Quasar.HwGen.Core;
using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Vitis.Csim;
using Quasar.HwGen.Vitis.Projects;
using Quasar.HwGen.Vitis.SoftwareEmulation;
using Quasar.HwGen.Vitis.Tools;
using Quasar.Runtime.Xrt;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>
/// `quasar sw-emu`: the software-emulation device of a generated project, what Vitis's `v++ -t sw_emu` is to a
/// board: the kernel compiled by g++ as a shared library, the project's sw-emu XRT library (cmake), and an emulated
/// xclbin that names the kernel library and records the project's engine, all in one relocatable folder
/// <c>&lt;project&gt;/sw_emu/&lt;rid&gt;/</c>. `quasar-run --backend sw-emu --xclbin …` then runs through XRT's C API.
/// </summary>
public static class SoftwareEmulationCommand
{
    public static Command Create()
    {
        var project = LintCommand.ProjectArgument();
        var arch = new Option<string>("--arch")
        {
            Description = "CPU of the device: native (this machine) or arm64 (aarch64-linux-gnu-g++; runs under qemu-user here, natively on the board)",
            DefaultValueFactory = _ => "native",
        }.AcceptOnlyFromAmong("native", "arm64");
        var command = new Command("sw-emu", "Build a generated project's software-emulation device: kernel library, XRT sw-emu library and xclbin") { project, arch };
        command.SetAction((parse, outer) => CliErrors.RunAsync(parse, async () =>
        {
            using var signals = new SignalCancellation(outer);
            var cancellation = signals.Token;
            var hls = HlsProject.Open(parse.GetRequiredValue(project).FullName);
            var target = parse.GetValue(arch) == "arm64" ? SoftwareDeviceTarget.Arm64 : SoftwareDeviceTarget.Native;
            var xclbin = await BuildAsync(hls, target, line => Console.Error.WriteLine("  " + line), cancellation).ConfigureAwait(false);
            Console.WriteLine($"sw-emu device of {hls.Root} ({Rid(target)}): {xclbin}");
            Console.WriteLine($"run it: quasar-run --package <IR package> --backend sw-emu --xclbin {xclbin} --random 2");
            return 0;
        }));
        return command;
    }

    /// <summary>Builds the device of <paramref name="project"/> for <paramref name="target"/>; returns the xclbin's path.</summary>
    public static async Task<string> BuildAsync(HlsProject project, SoftwareDeviceTarget target, Action<string>? onLine, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(project);
        // Read before the builds, so that a project without a readable engine fails before minutes of compiling.
        var engine = ProjectManifest.Read(Path.Combine(project.Root, ProjectManifest.FileName)).Engine.ToConfig();
        var search = ToolSearchPath.FromEnvironment();
        string compiler = search.Require(SoftwareDeviceTargets.Compiler(target)), cmake = search.Require("cmake");
        var rid = Rid(target);
        var output = Path.Combine(project.Root, "sw_emu", rid);
        Directory.CreateDirectory(output);

        onLine?.Invoke($"kernel library with {compiler}");
        var options = GxxCsimOptions.Default with { BuildDirectory = $"build/sw-emu-{rid}" };
        var kernel = await new KernelLibraryBuilder(compiler, options).BuildAsync(project, new Progress<string>(l => onLine?.Invoke(l)), cancellation)
            .ConfigureAwait(false);
        onLine?.Invoke("sw-emu XRT library with cmake");
        var device = await new SoftwareDeviceBuilder(cmake).BuildAsync(Path.Combine(ShippedFiles.Root, "host-runtime", "native", "xrt-swemu"),
            Path.Combine(project.Root, "build", $"xrt-swemu-{rid}"), target, onLine, cancellation).ConfigureAwait(false);

        var kernelCopy = Path.Combine(output, KernelLibraryBuilder.LibraryName);
        AtomicCopy(kernel, kernelCopy);
        AtomicCopy(device, Path.Combine(output, SoftwareDeviceBuilder.LibraryName));
        var xclbin = Path.Combine(output, SoftwareEmulationXclbin.FileName);
        SoftwareEmulationXclbin.Write(xclbin, kernelCopy, engine.Geometry, new Core.Execution.Kernel.GemmLimits(engine.MaxReduction, engine.MaxRows),
            new Dictionary<string, string> { ["description"] = engine.Describe() });
        return xclbin;
    }

    private static string Rid(SoftwareDeviceTarget target) => target == SoftwareDeviceTarget.Arm64
        ? "linux-arm64"
        : System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;

    private static void AtomicCopy(string source, string target)
    {
        var temporary = target + ".tmp";
        File.Copy(source, temporary, overwrite: true);
        File.Move(temporary, target, overwrite: true);
    }
}
