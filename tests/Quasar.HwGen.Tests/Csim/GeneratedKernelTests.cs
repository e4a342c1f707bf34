using Quasar.HwGen.Codegen.Engine;
using Quasar.HwGen.Codegen.Project;
using Quasar.HwGen.Codegen.Templates;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Core.Ir.Package;
using Quasar.HwGen.Tests.Codegen;
using Quasar.HwGen.Vitis.Csim;
using Quasar.HwGen.Vitis.Lint;
using Quasar.HwGen.Vitis.Projects;
using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Tests.Csim;

/// <summary>
/// The project generated from the repository's real headers: it passes the synthesizability lint, its testbench passes
/// its golden vectors under g++, and a model run end to end through its kernel gives the emulation's logits bit for bit.
/// </summary>
[TestFixture]
[Category("NeedsGpp")]
public sealed class GeneratedKernelTests
{
    private TemporaryDirectory _directory = null!;
    private HlsProject _project = null!;
    private string _package = null!;
    private KernelGeometry _geometry = null!;

    [OneTimeSetUp]
    public void Generate()
    {
        _directory = new TemporaryDirectory();
        _package = _directory.File("package");
        IrPackage.Write(_package, CodegenFixtures.SmallGraph);
        var project = _directory.File("project");
        var generated = new ProjectGenerator(HlsSources.FromDirectory(CodegenFixtures.RepositoryTemplates)).Generate(new GenerateRequest(
            LoadedPackage.Read(_package), project, CodegenFixtures.Zcu102, CodegenFixtures.FashionMnist,
            new EngineSizingOptions(EngineScope.Space), CodegenFixtures.GoldenImages(2)));
        _geometry = generated.Engine.Config.Geometry;
        _project = HlsProject.Open(project);
    }

    [OneTimeTearDown]
    public void Delete() => _directory.Dispose();

    [Test]
    public async Task The_generated_kernel_passes_the_synthesizability_lint()
    {
        var tools = await ToolDiscovery.DiscoverAsync();
        var report = await new SynthesizabilityLint(tools, LintOptions.Default).RunAsync(_project);

        Assert.That(report.Errors, Is.Empty, report.Format());
        Assert.That(report.Findings.Where(f => f.Rule.Code.StartsWith("QLINT1", StringComparison.Ordinal)), Is.Empty, report.Format());
    }

    [Test]
    public async Task The_testbench_compiled_by_gxx_passes_every_golden_call()
    {
        var result = await new GxxCsim("g++", GxxCsimOptions.Default).RunAsync(_project, []);

        Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Log.TakeLast(20)));
        Assert.That(result.Verdict.PassedCalls, Is.GreaterThan(0));
        Assert.That(result.CompilerWarnings, Is.Empty, "the default flags keep the HLS sources warning-free");
    }

    [Test]
    public async Task A_quasar_s_size_imagenet_subnet_generates_a_project_whose_testbench_passes_under_gxx_and_that_lints_clean()
    {
        var space = SampleConfigs.LoadSearchSpace(SampleConfigs.ImageNetTiny);
        var graph = KernelSweep.Lower(space, SampleConfigs.LoadSubnet(SampleConfigs.QuasarSLike), seed: 3);
        using var directory = new TemporaryDirectory();
        IrPackage.Write(directory.File("package"), graph);
        new ProjectGenerator(HlsSources.FromDirectory(CodegenFixtures.RepositoryTemplates)).Generate(new GenerateRequest(
            LoadedPackage.Read(directory.File("package")), directory.File("project"), CodegenFixtures.Zcu102, space, new EngineSizingOptions(),
            [KernelSweep.RandomImage(space, new Random(3))]));

        var project = HlsProject.Open(directory.File("project"));
        var result = await new GxxCsim("g++", GxxCsimOptions.Default).RunAsync(project, []);
        var lint = await new SynthesizabilityLint(await ToolDiscovery.DiscoverAsync(), LintOptions.Default).RunAsync(project);

        Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Log.TakeLast(20)));
        Assert.That(result.Verdict.PassedCalls, Is.EqualTo(graph.OpsOn(Core.Ir.Placement.Fpga).Count()));
        Assert.That(lint.Findings.Where(f => f.Rule.Code.StartsWith("QLINT1", StringComparison.Ordinal)), Is.Empty, lint.Format());
    }

    [Test]
    public async Task Logits_through_the_compiled_kernel_equal_the_emulation_s_bit_for_bit()
    {
        var library = await new KernelLibraryBuilder("g++", GxxCsimOptions.Default).BuildAsync(_project);
        using var kernel = new CompiledKernelEngine(library, _geometry);

        var result = EndToEndCsim.Run(IrPackage.Read(_package), kernel, CodegenFixtures.GoldenImages(20));

        Assert.That(result.Mismatch, Is.Null);
        Assert.That(result.ImagesMatched, Is.EqualTo(20));
        Assert.That(result.KernelCalls, Is.GreaterThan(20));
    }
}
