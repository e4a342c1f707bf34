using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Hardware.Kernel;
using Quasar.HwGen.Hardware.Latency;

namespace Quasar.HwGen.Tests.Hardware;

/// <summary>Properties of the latency model: what more hardware or more work must do to the FPS, and its bookkeeping.</summary>
[TestFixture]
public sealed class LatencyModelTests
{
    private static SearchSpace Space => HardwareSamples.FashionMnist;

    private static LatencyModel Model => HardwareSamples.FashionMnistEngine.Model;

    private static IEnumerable<Subnet> Subnets() => HardwareSamples.RandomSubnets(HardwareSamples.FashionMnist, 40, seed: 7);

    [Test]
    public void Doubling_the_tokens_per_cycle_never_makes_a_subnet_slower()
    {
        var doubled = Doubled(Model.Engine);
        Assert.That(doubled.TokensPerCycle, Is.EqualTo(2 * Model.Engine.TokensPerCycle));
        var faster = new LatencyModel(HardwareSamples.Zcu102, doubled);

        foreach (var subnet in Subnets())
        {
            Assert.That(faster.Seconds(subnet, Space), Is.LessThanOrEqualTo(Model.Seconds(subnet, Space)));
            Assert.That(faster.FramesPerSecond(subnet, Space), Is.GreaterThanOrEqualTo(Model.FramesPerSecond(subnet, Space)));
        }
    }

    [Test]
    public void More_units_make_the_compute_bound_largest_subnet_strictly_faster()
    {
        var doubled = new LatencyModel(HardwareSamples.Zcu102, Doubled(Model.Engine));
        var largest = Subnet.Largest(Space);

        Assert.That(doubled.Estimate(largest, Space)[LatencyCategory.FpgaCompute],
            Is.LessThan(Model.Estimate(largest, Space)[LatencyCategory.FpgaCompute]));
    }

    [Test]
    public void More_8_bit_rows_never_make_a_subnet_faster()
    {
        var ratios = Space.Choices.Row8BitRatios;
        foreach (var subnet in Subnets())
        {
            for (int i = 0; i < subnet.Layers.Count; i++)
            {
                var layer = subnet.Layers[i];
                double more = ratios.Where(r => r > layer.Fc1Row8Bit).DefaultIfEmpty(layer.Fc1Row8Bit).Min();
                var heavier = WithLayer(subnet, i, layer with { Fc1Row8Bit = more, QkvRow8Bit = ratios.Max() });
                Assert.That(Model.Seconds(heavier, Space), Is.GreaterThanOrEqualTo(Model.Seconds(subnet, Space)));
                Assert.That(Model.FramesPerSecond(heavier, Space), Is.LessThanOrEqualTo(Model.FramesPerSecond(subnet, Space)));
            }
        }
    }

    [Test]
    public void A_larger_subnet_is_never_faster()
    {
        var c = Space.Choices;
        foreach (var subnet in Subnets())
        {
            var larger = new List<Subnet>();
            if (subnet.EmbedDim < Space.MaxEmbedDim) larger.Add(subnet with { EmbedDim = c.EmbedDims.Where(d => d > subnet.EmbedDim).Min() });
            if (subnet.Depth < Space.MaxDepth)
                larger.Add(subnet with { Depth = subnet.Depth + 1, Layers = ValueList.From(subnet.Layers.Append(subnet.Layers[^1])) });
            larger.Add(WithLayer(subnet, 0, subnet.Layers[0] with { Heads = Space.MaxHeads, MlpRatio = Space.MaxMlpRatio }));

            foreach (var bigger in larger)
                Assert.That(Model.FramesPerSecond(bigger, Space), Is.LessThanOrEqualTo(Model.FramesPerSecond(subnet, Space)), bigger.ToString());
        }
    }

    [Test]
    public void An_8_bit_row_costs_the_array_as_much_as_two_4_bit_rows()
    {
        // Whole groups of TN rows, so that the 8-bit rows' HIGH and LOW tiles are as many as the 4-bit GEMM's tiles.
        int rows = 5 * Model.Engine.TileRows;
        var eightBit = Model.Gemm(new GemmShape(Tokens: 50, Reduction: 96, Rows: rows, EightBitRows: rows, OutputBytes: 1));
        var fourBit = Model.Gemm(new GemmShape(Tokens: 50, Reduction: 96, Rows: 2 * rows, EightBitRows: 0, OutputBytes: 1));
        var half = Model.Gemm(new GemmShape(Tokens: 50, Reduction: 96, Rows: rows, EightBitRows: 0, OutputBytes: 1));

        // The same row tiles, so the same array time; the 4-bit GEMM writes twice the output, so it is not faster.
        Assert.That(eightBit.ComputeCycles, Is.EqualTo(fourBit.ComputeCycles));
        Assert.That(eightBit.Cycles, Is.LessThanOrEqualTo(fourBit.Cycles));
        Assert.That(eightBit.Cycles, Is.GreaterThan(half.Cycles));
    }

    [Test]
    public void A_reduction_one_past_a_tile_costs_the_array_a_whole_extra_step()
    {
        // Enough k-steps that the array, not the output stage's drain, sets the pace.
        int tk = Model.Engine.TileReduction, steps = Model.Engine.MaxReduction / tk - 1;
        GemmLatency Compute(int k) => Model.Gemm(new GemmShape(Tokens: 50, Reduction: k, Rows: 64, EightBitRows: 0, OutputBytes: 1));

        Assert.That(Compute(steps * tk + 1).ComputeCycles, Is.EqualTo(Compute((steps + 1) * tk).ComputeCycles));
        Assert.That(Compute(steps * tk + 1).ComputeCycles, Is.GreaterThan(Compute(steps * tk).ComputeCycles));
    }

    [Test]
    public void A_gemm_takes_the_cycles_the_kernel_counts_for_its_call_split_into_paced_and_waiting()
    {
        // Attention-like: 3 heads as the batches of one call, int8 keys (every row two nibble rows), one table entry.
        var shape = new GemmShape(Tokens: 50, Reduction: 32, Rows: 50, EightBitRows: 50, OutputBytes: 2, Batches: 3, PerTensor: true);
        var call = KernelCycles.ForCall(Model.Engine, shape, Model.Parameters.ArrayEfficiency);
        var gemm = Model.Gemm(shape);

        Assert.That(call.Tables, Is.EqualTo(1 + 64), "per tensor: one table entry");
        Assert.That(gemm.Cycles, Is.EqualTo(call.Total));
        Assert.That(gemm.ComputeCycles, Is.EqualTo(Math.Max(call.ArrayStreaming, call.Output)));
        Assert.That(gemm.TransferCycles, Is.EqualTo(call.Total - gemm.ComputeCycles));
    }

    [Test]
    public void A_slow_ddr_floors_a_gemm_at_its_words_over_the_bandwidth_and_the_excess_is_transfer()
    {
        // 0.15 GB/s at 150 MHz: one byte a cycle, so every 16-byte word the call moves costs 16 cycles.
        var platform = HardwareSamples.Zcu102 with { Ddr = new DdrMemory(PeakGBPerSecond: 0.15, Efficiency: 1) };
        var slow = new LatencyModel(platform, Model.Engine);
        var shape = new GemmShape(Tokens: 50, Reduction: 96, Rows: 64, EightBitRows: 0, OutputBytes: 1);
        var e = Model.Engine;
        var z = KernelCallSizes.For(e.TileTokens, e.TileRows, e.TileReduction, 50, 64, 96, 64, 1);
        double words = 50.0 * z.TokenWords + z.TokenTiles * z.WeightBlockWords + 64 + 50.0 * z.OutputGroups * z.OutputWords;

        var gemm = slow.Gemm(shape);

        Assert.That(gemm.Cycles, Is.EqualTo(16 * words).Within(1e-6));
        Assert.That(gemm.Cycles, Is.GreaterThan(KernelCycles.ForCall(e, shape).Total));
        Assert.That(gemm.ComputeCycles, Is.EqualTo(Model.Gemm(shape).ComputeCycles), "the array's pace does not change with the DDR");
    }

    [Test]
    public void A_reduction_beyond_the_buffers_is_refused_with_the_bound()
    {
        int k = Model.Engine.MaxReduction + 1;

        var error = Assert.Throws<InvalidOperationException>(() => Model.Gemm(new GemmShape(50, k, 64, 0, 1)))!;

        Assert.That(error.Message, Does.Contain($"K = {k}").And.Contain($"K ≤ {Model.Engine.MaxReduction}"));
    }

    [Test]
    public void Twice_the_host_cores_halve_the_host_ops_but_their_dispatch()
    {
        var platform = HardwareSamples.Zcu102;
        var wider = new LatencyModel(platform with { Host = platform.Host with { Cores = 2 * platform.Host.Cores } }, Model.Engine);
        double dispatch = Model.Parameters.HostOpDispatchMicroseconds * 1e-6;

        double narrow = Model.HostSeconds(HostOpKind.Gelu, 1_000_000) - dispatch;
        double wide = wider.HostSeconds(HostOpKind.Gelu, 1_000_000) - dispatch;

        Assert.That(wide, Is.EqualTo(narrow / 2).Within(1e-15));
    }

    [Test]
    public void The_fast_path_and_the_breakdown_agree()
    {
        foreach (var subnet in Subnets().Take(10))
        {
            var estimate = Model.Estimate(subnet, Space);
            Assert.That(Model.Seconds(subnet, Space), Is.EqualTo(estimate.Seconds).Within(1e-12));
            Assert.That(Model.FramesPerSecond(subnet, Space), Is.EqualTo(estimate.FramesPerSecond).Within(1e-9 * estimate.FramesPerSecond));
            Assert.That(estimate.ByLayer().Sum(l => l.Seconds), Is.EqualTo(estimate.Seconds).Within(1e-12));
            Assert.That(Enum.GetValues<LatencyCategory>().Sum(c => estimate[c]), Is.EqualTo(estimate.Seconds).Within(1e-12));
        }
    }

    [Test]
    public void Pipelined_frames_are_never_slower_than_sequential_ones_and_never_faster_than_twice()
    {
        var sequential = new LatencyModel(HardwareSamples.Zcu102, Model.Engine, LatencyParameters.Default with { Mode = ExecutionMode.Sequential });
        foreach (var subnet in Subnets().Take(10))
        {
            double pipelined = Model.FramesPerSecond(subnet, Space), alone = sequential.FramesPerSecond(subnet, Space);
            Assert.That(pipelined, Is.GreaterThanOrEqualTo(alone));
            Assert.That(pipelined, Is.LessThanOrEqualTo(2 * alone));
        }
    }

    [Test]
    public void The_breakdown_names_every_op_of_numerics_section_5_and_the_attention_relayouts_in_order()
    {
        var subnet = Subnet.Smallest(Space);
        var names = Model.Estimate(subnet, Space).Ops.Select(op => op.Name).ToList();

        Assert.That(names.Take(4), Is.EqualTo(new[] { "patchify", "patch_quantize", "patch_embed", "class_token_and_position" }));
        Assert.That(names.Skip(4).Take(21), Is.EqualTo(new[]
        {
            "layers[0].norm1", "layers[0].qkv_quantize", "layers[0].q", "layers[0].k", "layers[0].v", "layers[0].qkv_relayout",
            "layers[0].scores", "layers[0].softmax", "layers[0].p_quantize", "layers[0].context", "layers[0].context_relayout",
            "layers[0].proj", "layers[0].residual1", "layers[0].norm2", "layers[0].fc1_quantize", "layers[0].fc1", "layers[0].gelu",
            "layers[0].fc2_quantize", "layers[0].fc2", "layers[0].residual2", "layers[1].norm1",
        }));
        Assert.That(names.TakeLast(4), Is.EqualTo(new[] { "norm", "head_quantize", "head", "logits_dequantize" }));
        Assert.That(names, Has.Count.EqualTo(4 + 20 * subnet.Depth + 4));
    }

    [Test]
    public void The_qkv_8_bit_rows_fill_q_then_k_then_v()
    {
        // 3 heads × 32 = 96 rows each of q, k, v; a ratio of 0.5 makes 144 of the 288 rows 8-bit: all of q, half of k.
        var subnet = Subnet.Smallest(Space);
        var layer = SubnetLayer.Uniform(Space.MaxHeads, Space.MinMlpRatio, 0.0) with { QkvRow8Bit = 0.5 };
        subnet = WithLayer(subnet, 0, layer);
        var shapes = new List<GemmShape>();
        var sink = new ShapeSink(shapes);
        VitWorkload.Walk(subnet, Space, ref sink);

        Assert.That(shapes.Skip(1).Take(3).Select(s => s.EightBitRows), Is.EqualTo(new[] { 96, 48, 0 }));
    }

    /// <summary>Twice the units on the same weight tile (twice the tokens a cycle); the token tile rounded up to fit them.</summary>
    private static EngineConfig Doubled(EngineConfig engine)
    {
        int pt = 2 * engine.TokensPerCycle;
        return engine with { LutUnits = engine.LutUnits + engine.Units, TileTokens = (engine.TileTokens + pt - 1) / pt * pt };
    }

    private static Subnet WithLayer(Subnet subnet, int index, SubnetLayer layer) =>
        subnet with { Layers = ValueList.From(subnet.Layers.Select((l, i) => i == index ? layer : l)) };

    private readonly struct ShapeSink(List<GemmShape> shapes) : IWorkloadSink
    {
        public void Gemm(VitOp op, int layer, in GemmShape shape, long hostInputBytes, long hostOutputBytes) => shapes.Add(shape);

        public void Host(VitOp op, int layer, HostOpKind kind, long elements)
        {
        }
    }
}
