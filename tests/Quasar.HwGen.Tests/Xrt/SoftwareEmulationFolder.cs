using Quasar.HwGen.Codegen.Engine;
using Quasar.HwGen.Codegen.Project;
using Quasar.HwGen.Codegen.Templates;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Tests.Codegen;
using Quasar.HwGen.Vitis.Csim;
using Quasar.HwGen.Vitis.Projects;
using Quasar.HwGen.Vitis.SoftwareEmulation;
using Quasar.Runtime.Xrt;

namespace Quasar.HwGen.Tests.Xrt;

/// <summary>
/// What `quasar sw-emu` makes of a package's generated project, made here without the Cli (which brings TorchSharp):
/// a folder with the g++-built kernel, the sw-emu XRT library and the xclbin that names the one and records the engine.
/// </summary>
internal static class SoftwareEmulationFolder
{
    /// <summary>
    /// Generates <paramref name="package"/>'s project under <paramref name="directory"/> (once) and builds its device for
    /// <paramref name="target"/> into <c>sw_emu/&lt;target&gt;</c>; returns the xclbin's path and the engine.
    /// </summary>
    public static async Task<(string Xclbin, EngineConfig Engine)> CreateAsync(string package, string directory,
        SoftwareDeviceTarget target = SoftwareDeviceTarget.Native)
    {
        var project = Path.Combine(directory, "project");
        if (!File.Exists(Path.Combine(project, ProjectManifest.FileName)))
        {
            new ProjectGenerator(HlsSources.FromDirectory(CodegenFixtures.RepositoryTemplates)).Generate(new GenerateRequest(
                LoadedPackage.Read(package), project, CodegenFixtures.Zcu102, CodegenFixtures.FashionMnist, new EngineSizingOptions(), CodegenFixtures.GoldenImages(1)));
        }
        var engine = ProjectManifest.Read(Path.Combine(project, ProjectManifest.FileName)).Engine.ToConfig();
        var options = GxxCsimOptions.Default with { BuildDirectory = $"build/sw-emu-{target}" };
        var kernel = await new KernelLibraryBuilder(SoftwareDeviceTargets.Compiler(target), options).BuildAsync(HlsProject.Open(project));
        var device = target == SoftwareDeviceTarget.Native
            ? SoftwareDevice.Library
            : await new SoftwareDeviceBuilder("cmake").BuildAsync(Path.Combine(TestPaths.Root, "host-runtime", "native", "xrt-swemu"),
                Path.Combine(project, "build", $"xrt-swemu-{target}"), target);
        var folder = Path.Combine(directory, "sw_emu", target.ToString());
        Directory.CreateDirectory(folder);
        var kernelCopy = Path.Combine(folder, KernelLibraryBuilder.LibraryName);
        File.Copy(kernel, kernelCopy, overwrite: true);
        File.Copy(device, Path.Combine(folder, SoftwareDeviceBuilder.LibraryName), overwrite: true);
        var xclbin = Path.Combine(folder, SoftwareEmulationXclbin.FileName);
        SoftwareEmulationXclbin.Write(xclbin, kernelCopy, engine.Geometry, new GemmLimits(engine.MaxReduction, engine.MaxRows));
        return (xclbin, engine);
    }
}
