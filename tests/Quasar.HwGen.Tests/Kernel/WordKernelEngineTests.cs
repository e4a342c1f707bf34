using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Execution;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Tests.Codegen;
using Quasar.HwGen.Vitis.Csim;

namespace Quasar.HwGen.Tests.Kernel;

/// <summary>
/// The host path of the word kernel (map, lay out, call, unpack; what CompiledKernelEngine runs the g++-built kernel
/// behind) with the C# model of the kernel: every FPGA op of a lowered model equals the emulation's, element by element.
/// </summary>
[TestFixture]
public sealed class WordKernelEngineTests
{
    private static readonly KernelGeometry[] Geometries = [new(8, 8, 8), new(3, 5, 7), new(16, 6, 24)];

    [TestCaseSource(nameof(Geometries))]
    public void Every_fpga_op_of_random_subnets_through_the_model_on_words_equals_the_emulation(KernelGeometry geometry)
    {
        var engine = WordKernelEngine.Model(geometry);
        var random = new Random(geometry.TileRows);
        IrGraph[] graphs = [CodegenFixtures.SmallGraph, CodegenFixtures.Lower(Subnet.Random(CodegenFixtures.FashionMnist, random), seed: 11)];
        long calls = 0;
        foreach (var graph in graphs)
        {
            // Two images per graph: the second reuses each op's packed weights and the engine's buffers.
            var check = new CrossCheckEngine(new EmulatedEngine(), engine);
            var interpreter = new IrInterpreter(graph, check);
            foreach (var (image, i) in CodegenFixtures.GoldenImages(2).Select((image, i) => (image, i)))
            {
                check.Image = i;
                interpreter.Run(image);
            }
            Assert.That(check.Calls, Is.EqualTo(2 * graph.OpsOn(Placement.Fpga).Count()));
            calls += check.Calls;
        }
        Assert.That(engine.Calls, Is.EqualTo(calls));
    }

    [Test]
    public void A_call_the_kernel_refuses_throws_naming_the_op_and_the_status()
    {
        var engine = WordKernelEngine.Model(new KernelGeometry(8, 8, 8), new GemmLimits(MaxReduction: 4, MaxRows: 1000));
        var graph = CodegenFixtures.SmallGraph;
        var first = graph.OpsOn(Placement.Fpga).First();

        Assert.That(() => new IrInterpreter(graph, engine).Run(CodegenFixtures.GoldenImages(1)[0]),
            Throws.InvalidOperationException.With.Message.Contains($"'{first.Name}' with status {GemmStatus.ReductionTooLong}"));
    }
}
