using System.Globalization;
using Quasar.HwGen.Codegen.Engine;
using Quasar.HwGen.Codegen.Project;
using Quasar.HwGen.Codegen.Templates;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Package;
using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Hardware.Kernel;
using Quasar.HwGen.Tests.Codegen;
using Quasar.HwGen.Vitis.Csim;
using Quasar.HwGen.Vitis.Cycles;
using Quasar.HwGen.Vitis.Projects;

namespace Quasar.HwGen.Tests.Csim;

/// <summary>
/// Issue 13's acceptance: the cycle-accounting build of a generated kernel, run on every golden call of the demo's subnet
/// and of the QUASAR-S-like subnet, counts what the hardware model's closed form says for each call — within 10% as the
/// bound, and today process by process.
/// </summary>
[TestFixture]
[Category("NeedsGpp")]
public sealed class CycleAccountingTests
{
    [Test]
    public async Task Every_call_of_the_demo_s_subnet_counts_what_the_model_says_process_by_process()
    {
        // As `quasar demo` generates: the space's engine, two golden images.
        var space = CodegenFixtures.FashionMnist;
        var graph = KernelSweep.Lower(space, SampleConfigs.LoadSubnet(SampleConfigs.FashionMnistLargest), seed: 5);
        await AssertCountsEqualTheModel(SampleConfigs.FashionMnistLargest, graph, space, new EngineSizingOptions(EngineScope.Space), CodegenFixtures.GoldenImages(2));
    }

    [Test]
    public async Task Every_call_of_the_quasar_s_like_subnet_counts_what_the_model_says_process_by_process()
    {
        var space = SampleConfigs.LoadSearchSpace(SampleConfigs.ImageNetTiny);
        var graph = KernelSweep.Lower(space, SampleConfigs.LoadSubnet(SampleConfigs.QuasarSLike), seed: 3);
        await AssertCountsEqualTheModel(SampleConfigs.QuasarSLike, graph, space, new EngineSizingOptions(), [KernelSweep.RandomImage(space, new Random(3))]);
    }

    private static async Task AssertCountsEqualTheModel(string subnet, IrGraph graph, SearchSpace space, EngineSizingOptions sizing, IReadOnlyList<byte[]> images)
    {
        using var directory = new TemporaryDirectory();
        IrPackage.Write(directory.File("package"), graph);
        var generated = new ProjectGenerator(HlsSources.FromDirectory(CodegenFixtures.RepositoryTemplates)).Generate(new GenerateRequest(
            LoadedPackage.Read(directory.File("package")), directory.File("project"), CodegenFixtures.Zcu102, space, sizing, images));
        var engine = generated.Engine.Config;

        var result = await new GxxCsim("g++", GxxCsimOptions.Default.WithCycleAccounting()).RunAsync(HlsProject.Open(directory.File("project")), []);
        var counted = CycleLines.Parse(result.Log);

        Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Log.TakeLast(20)));
        Assert.That(counted, Has.Count.EqualTo(generated.GoldenCalls).And.Count.EqualTo(images.Count * graph.OpsOn(Placement.Fpga).Count()));
        // The model takes each call's scalars from the golden op, not from the line that echoes them.
        var golden = GoldenWordCalls(graph, engine);
        foreach (var call in counted)
        {
            var scalars = golden[call.Layer];
            Assert.That((call.Batches, call.M, call.N, call.K, call.NibbleRows, call.OutBytes, call.Flags),
                Is.EqualTo((scalars.Batches, scalars.M, scalars.N, scalars.K, scalars.NibbleRows, scalars.OutBytes, scalars.Flags)), call.Layer);
            var model = KernelCycles.ForCall(engine, scalars);
            Assert.That(Math.Abs(call.Total - model.Total) / model.Total, Is.LessThanOrEqualTo(CycleComparison.DefaultTolerance), call.Layer);
            Assert.That(new double[] { call.Tables, call.ReadA, call.ReadW, call.Compute, call.Output, call.Write, call.Fill, call.Total },
                Is.EqualTo(new[] { model.Tables, model.ReadA, model.ReadW, model.Compute, model.Output, model.Write, model.Fill, model.Total }),
                $"{call.Layer} image {call.Image}: tables, read_a, read_w, compute, output, write, fill, total");
        }

        var comparison = CycleComparison.Compare(engine, counted);
        Assert.That(comparison.Passed, Is.True);
        Assert.That(comparison.ExactCalls, Is.EqualTo(counted.Count));
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{subnet} on {engine.Describe()}: {counted.Count} calls, max deviation {comparison.MaxDeviation:0.00%}, counted {comparison.CountedTotal:N0} cycles, model {comparison.ModelTotal:N0}"));
    }

    private static Dictionary<string, KernelWordCall> GoldenWordCalls(IrGraph graph, EngineConfig engine) =>
        KernelOpMapper.Map(graph).ToDictionary(op => op.Name, op => KernelOpWords.Pack(op, engine.Geometry).Plan(op.Call).WordCall, StringComparer.Ordinal);
}
