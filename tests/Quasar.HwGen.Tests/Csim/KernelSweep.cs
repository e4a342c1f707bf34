using System.Globalization;
using Quasar.HwGen.Codegen.Engine;
using Quasar.HwGen.Codegen.Project;
using Quasar.HwGen.Codegen.Templates;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Execution;
using Quasar.HwGen.Core.Ir.Package;
using Quasar.HwGen.Core.Lowering;
using Quasar.HwGen.Vitis.Csim;
using Quasar.HwGen.Vitis.Projects;

namespace Quasar.HwGen.Tests.Csim;

/// <summary>
/// The bit-exact sweep of issue 6: one project per search space, generated with the engine sized for the whole space
/// (so one build serves every subnet of it), its kernel compiled by g++ into a library; then random subnets with random
/// weights and random inputs run through the IR interpreter with every FPGA call executed by both the C# emulation
/// and the compiled kernel, compared element by element (<see cref="CrossCheckEngine"/>).
/// </summary>
internal sealed class KernelSweep : IDisposable
{
    private readonly TemporaryDirectory _directory;
    private readonly CompiledKernelEngine _kernel;

    private KernelSweep(SearchSpace space, TemporaryDirectory directory, CompiledKernelEngine kernel, string project)
    {
        Space = space;
        _directory = directory;
        _kernel = kernel;
        Project = project;
    }

    public SearchSpace Space { get; }

    public string Project { get; }

    public long Calls { get; private set; }

    public long Elements { get; private set; }

    /// <summary>Generates the space's project from its smallest subnet and builds the kernel library.</summary>
    public static KernelSweep Create(string spaceName)
    {
        var space = SampleConfigs.LoadSearchSpace(spaceName);
        var directory = new TemporaryDirectory();
        try
        {
            var smallest = Lower(space, Subnet.Smallest(space), seed: 1);
            var package = directory.File("package");
            IrPackage.Write(package, smallest);
            var project = directory.File("project");
            var generated = new ProjectGenerator(HlsSources.FromDirectory(Path.Combine(TestPaths.Root, HlsSources.FolderName))).Generate(new GenerateRequest(
                LoadedPackage.Read(package), project, SampleConfigs.LoadPlatform(SampleConfigs.Zcu102), space,
                new EngineSizingOptions(EngineScope.Space), [RandomImage(space, new Random(1))]));
            var library = new KernelLibraryBuilder("g++", GxxCsimOptions.Default).BuildAsync(HlsProject.Open(project)).GetAwaiter().GetResult();
            return new KernelSweep(space, directory, new CompiledKernelEngine(library, generated.Engine.Config.Geometry), project);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>One random subnet of the space (random weights, <paramref name="images"/> random inputs), every call compared.</summary>
    public string RunRandomSubnet(int seed, int images)
    {
        var random = new Random(seed);
        var subnet = Subnet.Random(Space, random);
        var graph = Lower(Space, subnet, seed);
        var check = new CrossCheckEngine(new EmulatedEngine(), _kernel);
        var interpreter = new IrInterpreter(graph, check);
        for (int i = 0; i < images; i++)
        {
            check.Image = i;
            interpreter.Run(RandomImage(Space, random));
        }
        Calls += check.Calls;
        Elements += check.Elements;
        return string.Create(CultureInfo.InvariantCulture, $"{subnet.Summary(Space)}: {check.Calls} calls, {check.Elements} elements equal");
    }

    internal static Core.Ir.IrGraph Lower(SearchSpace space, Subnet subnet, int seed)
    {
        var architecture = VitArchitecture.FromSubnet(subnet, space);
        return VitLowering.Lower(RandomVitInitializer.Create(architecture, seed), [RandomImage(space, new Random(seed + 1000))], name: space.Name);
    }

    /// <summary>Random pixels: every byte value, so the 6-bit input codes cover their whole range.</summary>
    internal static byte[] RandomImage(SearchSpace space, Random random)
    {
        var image = new byte[space.Image.Channels * space.Image.Size * space.Image.Size];
        random.NextBytes(image);
        return image;
    }

    public void Dispose()
    {
        _kernel.Dispose();
        _directory.Dispose();
    }
}
