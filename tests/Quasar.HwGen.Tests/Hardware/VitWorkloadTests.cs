using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Core.Lowering;
using Quasar.HwGen.Hardware.Latency;

namespace Quasar.HwGen.Tests.Hardware;

/// <summary>
/// The model's GEMMs are the kernel calls the lowered IR makes, one for one and in order: so the per-call cycles the
/// kernel's accounting build counts are the ones the model adds up for a frame.
/// </summary>
[TestFixture]
public sealed class VitWorkloadTests
{
    private static IEnumerable<TestCaseData> Subnets()
    {
        var fashion = HardwareSamples.FashionMnist;
        var random = new Random(5);
        for (int i = 0; i < 3; i++) yield return new TestCaseData(Subnet.Random(fashion, random), fashion).SetArgDisplayNames($"fashion-mnist random {i}");
        yield return new TestCaseData(SampleConfigs.LoadSubnet(SampleConfigs.QuasarSLike), HardwareSamples.ImageNetTiny).SetArgDisplayNames("quasar-s-like");
    }

    [TestCaseSource(nameof(Subnets))]
    public void Every_gemm_of_the_walk_is_the_kernel_call_of_the_lowered_ir_in_order(Subnet subnet, SearchSpace space)
    {
        var image = new byte[space.Image.Channels * space.Image.Size * space.Image.Size];
        new Random(1).NextBytes(image);
        var graph = VitLowering.Lower(RandomVitInitializer.Create(VitArchitecture.FromSubnet(subnet, space), seed: 3), [image], name: space.Name);
        var calls = KernelOpMapper.Map(graph).Select(op =>
        {
            var c = op.Call;
            int eightBit = c.All8Bit ? c.N : c.PerTensor ? (op.RowIs8[0] != 0 ? c.N : 0) : op.RowIs8.Count(b => b != 0);
            return (op.Name, c.Batches, c.M, c.N, c.K, NibbleRows: c.N + eightBit, c.OutBytes, c.PerTensor);
        }).ToList();
        var shapes = new List<GemmShape>();
        var sink = new ShapeSink(shapes);

        VitWorkload.Walk(subnet, space, ref sink);

        Assert.That(shapes, Has.Count.EqualTo(calls.Count));
        foreach (var (call, shape) in calls.Zip(shapes))
        {
            Assert.That((shape.Batches, shape.Tokens, shape.Rows, shape.Reduction, shape.NibbleRows, shape.OutputBytes, shape.PerTensor),
                Is.EqualTo((call.Batches, call.M, call.N, call.K, call.NibbleRows, call.OutBytes, call.PerTensor)), call.Name);
        }
    }

    private readonly struct ShapeSink(List<GemmShape> shapes) : IWorkloadSink
    {
        public void Gemm(VitOp op, int layer, in GemmShape shape, long hostInputBytes, long hostOutputBytes) => shapes.Add(shape);

        public void Host(VitOp op, int layer, HostOpKind kind, long elements)
        {
        }
    }
}
