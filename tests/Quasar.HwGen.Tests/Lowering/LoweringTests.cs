using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Core.Execution;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;
using Quasar.HwGen.Core.Ir.Package;
using Quasar.HwGen.Core.Lowering;
using Quasar.HwGen.Core.Numerics;

namespace Quasar.HwGen.Tests.Lowering;

/// <summary>Random subnets lower to verified IR that the emulation runs end to end, identically on every GEMM path.</summary>
[TestFixture]
public sealed class LoweringTests
{
    private static readonly LabeledImages Test = FashionMnist.LoadTest(TestPaths.SampleData);

    internal static VitArchitecture SmallArchitecture(double row8 = 0.5) => new(
        ImageSize: 28, PatchSize: 4, Channels: 1, Classes: 10, Mean: [0.286f], Std: [0.353f], EmbedDim: 32,
        Blocks: [new BlockArchitecture(2, 8, 64, row8, row8, row8, row8), new BlockArchitecture(1, 8, 96, 0.25, 1, 0, 0.75)],
        PatchEmbedRow8: row8, HeadRow8: 1);

    internal static byte[][] Images(int count, int skip = 0) =>
        Enumerable.Range(skip, count).Select(i => Test.Image(i).ToArray()).ToArray();

    [Test]
    public void A_random_subnet_lowers_to_a_verified_graph_with_the_paper_s_placement()
    {
        var graph = VitLowering.Lower(RandomVitInitializer.Create(SmallArchitecture(), seed: 1), Images(4));

        Assert.That(IrVerifier.Verify(graph), Is.Empty);
        var fpga = graph.OpsOn(Placement.Fpga).Select(op => op.GetType().Name).Distinct();
        var host = graph.OpsOn(Placement.Host).Select(op => op.GetType().Name).Distinct();
        Assert.That(fpga, Is.EquivalentTo(new[] { nameof(LinearOp), nameof(AttentionScoresOp), nameof(AttentionContextOp) }));
        Assert.That(host, Does.Contain(nameof(LayerNormOp)).And.Contain(nameof(SoftmaxOp)).And.Contain(nameof(GeluOp)));
        Assert.That(graph.Ops.OfType<LinearOp>().Count(), Is.EqualTo(1 + 2 * 6 + 1));
    }

    [Test]
    public void The_row_precision_maps_follow_the_subnet_s_ratios()
    {
        var graph = VitLowering.Lower(RandomVitInitializer.Create(SmallArchitecture(), seed: 2), Images(2));
        var linears = graph.Ops.OfType<LinearOp>().ToDictionary(op => op.Name);

        Assert.That(linears["blocks.1.attn.proj"].EightBitRowFraction, Is.EqualTo(1));
        Assert.That(linears["blocks.1.mlp.fc1"].EightBitRowFraction, Is.Zero);
        Assert.That(linears["blocks.1.mlp.fc2"].RowIs8Bit.Count(b => b), Is.EqualTo(24)); // 0.75 · 32
        // 0.25 of the 24 qkv rows = 6 leading rows, all inside Q (8 rows)
        Assert.That(linears["blocks.1.attn.q"].RowIs8Bit.Count(b => b), Is.EqualTo(6));
        Assert.That(linears["blocks.1.attn.k"].RowIs8Bit.Count(b => b), Is.Zero);
    }

    [Test]
    public void Sls_is_folded_into_the_projection_and_fc2_output_stages()
    {
        var graph = VitLowering.Lower(RandomVitInitializer.Create(SmallArchitecture(), seed: 3), Images(2));
        var withSls = graph.Ops.OfType<LinearOp>().Where(op => op.LayerScale is not null).Select(op => op.Name);

        Assert.That(withSls, Is.EquivalentTo(new[] { "blocks.0.attn.proj", "blocks.0.mlp.fc2", "blocks.1.attn.proj", "blocks.1.mlp.fc2" }));
    }

    [Test]
    public void The_emulation_gives_identical_logits_on_the_scalar_and_the_vectorized_paths()
    {
        var graph = VitLowering.Lower(RandomVitInitializer.Create(SmallArchitecture(), seed: 4), Images(4));
        var fast = new IrInterpreter(graph, new EmulatedEngine(GemmPath.Auto));
        var scalar = new IrInterpreter(graph, new EmulatedEngine(GemmPath.Scalar));
        Assert.That(GemmEngine.Resolve(GemmPath.Auto), Is.Not.EqualTo(GemmPath.Scalar), "this machine has vector units");

        foreach (var image in Images(20, skip: 100))
        {
            var a = fast.RunAll(image);
            var b = scalar.RunAll(image);
            foreach (var tensor in graph.Tensors.Where(t => t.Type.IsInteger))
                Assert.That(a[tensor.Name].ToInt32(), Is.EqualTo(b[tensor.Name].ToInt32()), tensor.Name);
            Assert.That(a[graph.Output].ToFloat(), Is.EqualTo(b[graph.Output].ToFloat()));
        }
    }

    [Test]
    public void Different_images_give_different_logits_and_no_int16_output_saturates_on_calibration_data()
    {
        var images = Images(6);
        var graph = VitLowering.Lower(RandomVitInitializer.Create(SmallArchitecture(), seed: 5), images);
        var interpreter = new IrInterpreter(graph, new EmulatedEngine());

        var runs = images.Select(i => interpreter.RunAll(i)).ToList();

        Assert.That(runs[0][graph.Output].ToFloat(), Is.Not.EqualTo(runs[1][graph.Output].ToFloat()));
        Assert.That(runs.SelectMany(r => r[graph.Output].ToFloat()), Is.All.Not.NaN);
        foreach (var tensor in graph.Tensors.Where(t => t.Type.Element == ElementType.Int16))
        {
            var extreme = runs.Max(r => r[tensor.Name].ToInt32().Max(Math.Abs));
            Assert.That(extreme, Is.LessThan(short.MaxValue), $"{tensor.Name} saturated on its own calibration images");
            Assert.That(extreme, Is.GreaterThan(short.MaxValue / 2), $"{tensor.Name} wastes its range (max {extreme})");
        }
    }

    [Test]
    public void A_lowered_graph_survives_a_package_round_trip_and_runs_identically()
    {
        using var directory = new TemporaryDirectory();
        var graph = VitLowering.Lower(RandomVitInitializer.Create(SmallArchitecture(), seed: 6), Images(2));
        IrPackage.Write(directory.File("m.qir"), graph);

        var back = IrPackage.Read(directory.File("m.qir"));

        var image = Images(1, skip: 7)[0];
        Assert.That(new IrInterpreter(back, new EmulatedEngine()).Run(image), Is.EqualTo(new IrInterpreter(graph, new EmulatedEngine()).Run(image)));
    }

    [Test]
    public void Lowering_is_deterministic_for_a_seed()
    {
        var a = VitLowering.Lower(RandomVitInitializer.Create(SmallArchitecture(), seed: 9), Images(2));
        var b = VitLowering.Lower(RandomVitInitializer.Create(SmallArchitecture(), seed: 9), Images(2));

        Assert.That(Ir.IrPackageTests.CanonicalJson(a), Is.EqualTo(Ir.IrPackageTests.CanonicalJson(b)));
    }
}
