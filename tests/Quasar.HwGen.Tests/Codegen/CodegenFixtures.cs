using System.Text;
using Quasar.HwGen.Codegen.Engine;
using Quasar.HwGen.Codegen.Project;
using Quasar.HwGen.Codegen.Templates;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Package;
using Quasar.HwGen.Core.Lowering;
using Quasar.HwGen.Tests.Lowering;

namespace Quasar.HwGen.Tests.Codegen;

/// <summary>A small lowered model (the smallest Fashion-MNIST subnet, random weights) and template sources with stand-in engine headers.</summary>
internal static class CodegenFixtures
{
    public static PlatformConfig Zcu102 { get; } = SampleConfigs.LoadPlatform(SampleConfigs.Zcu102);

    public static SearchSpace FashionMnist { get; } = SampleConfigs.LoadSearchSpace(SampleConfigs.FashionMnist);

    private static readonly Lazy<IrGraph> SmallGraphLazy = new(() => Lower(Subnet.Smallest(FashionMnist), seed: 7));

    /// <summary>The smallest Fashion-MNIST subnet, lowered with seed 7 on 2 calibration images.</summary>
    public static IrGraph SmallGraph => SmallGraphLazy.Value;

    public static IrGraph Lower(Subnet subnet, int seed)
    {
        var architecture = VitArchitecture.FromSubnet(subnet, FashionMnist);
        var metadata = new Dictionary<string, string> { ["search_space"] = FashionMnist.Name, ["subnet"] = subnet.Summary(FashionMnist) };
        return VitLowering.Lower(RandomVitInitializer.Create(architecture, seed), LoweringTests.Images(2), metadata, FashionMnist.Name);
    }

    public static IReadOnlyList<byte[]> GoldenImages(int count) => LoweringTests.Images(count, skip: 50);

    public static string RepositoryTemplates => Path.Combine(TestPaths.Root, HlsSources.FolderName);

    /// <summary>The repository's templates with stand-in headers (the engine headers are another change's work).</summary>
    public static HlsSources SourcesWithStubHeaders() => new("test sources", HlsSources.FromDirectory(RepositoryTemplates).Templates,
        new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["gemm_engine.h"] = Encoding.UTF8.GetBytes("// stand-in gemm_engine.h\n"),
            ["testbench.h"] = Encoding.UTF8.GetBytes("// stand-in testbench.h\n"),
        });

    /// <summary>The small graph's package and its generated project (stand-in engine headers) under <paramref name="directory"/>; returns the project path.</summary>
    public static string GenerateSmallProject(TemporaryDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        IrPackage.Write(directory.File("package"), SmallGraph);
        var project = directory.File("project");
        new ProjectGenerator(SourcesWithStubHeaders()).Generate(new GenerateRequest(LoadedPackage.Read(directory.File("package")), project,
            Zcu102, FashionMnist, new EngineSizingOptions(), GoldenImages(1)));
        return project;
    }
}
