using System.Collections.Concurrent;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Hardware.Constants;
using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Hardware.Kernel;

namespace Quasar.HwGen.Hardware.Latency;

/// <summary>
/// Latency of a subnet on one engine of one platform (docs/hardware-model.md §3): each GEMM is one kernel call,
/// counted as the kernel's accounting build counts it (<see cref="KernelCycles"/>) and floored by the DDR; host ops
/// from element counts at the host's clock and cores; kernel starts and cache maintenance for every exchange.
/// GEMM results are cached per shape, so <see cref="Seconds"/> allocates nothing once the shapes are known.
/// Thread-safe.
/// </summary>
public sealed class LatencyModel
{
    private readonly ConcurrentDictionary<GemmShape, GemmLatency> _gemms = new();
    private readonly double[] _hostSecondsPerElement;
    private readonly double _bytesPerCycle;
    private readonly double _cyclesPerSecond;

    public LatencyModel(PlatformConfig platform, EngineConfig engine, LatencyParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(engine);
        engine.Validate();
        Parameters = parameters ?? LatencyParameters.Default;
        Parameters.Validate();
        Platform = platform;
        Engine = engine;
        _cyclesPerSecond = engine.ClockHz;
        _bytesPerCycle = platform.Ddr.SustainedBytesPerSecond / engine.ClockHz;
        double hostCyclesPerSecond = platform.Host.ClockGhz * 1e9 * platform.Host.Cores * Parameters.HostParallelEfficiency;
        _hostSecondsPerElement = new double[Enum.GetValues<HostOpKind>().Length];
        foreach (var kind in Enum.GetValues<HostOpKind>())
            _hostSecondsPerElement[(int)kind] = NominalHostCycles(kind) * Parameters.HostCostScale / hostCyclesPerSecond;
    }

    public PlatformConfig Platform { get; }

    public EngineConfig Engine { get; }

    public LatencyParameters Parameters { get; }

    /// <summary>Seconds of one inference (its latency); allocation-free once every GEMM shape of the subnet has been seen.</summary>
    public double Seconds(Subnet subnet, SearchSpace space)
    {
        var sink = new TotalSink(this);
        VitWorkload.Walk(subnet, space, ref sink);
        return sink.Fpga + sink.Host + sink.Exchange;
    }

    /// <summary>Throughput in the parameters' <see cref="ExecutionMode"/>; allocation-free like <see cref="Seconds"/>.</summary>
    public double FramesPerSecond(Subnet subnet, SearchSpace space)
    {
        var sink = new TotalSink(this);
        VitWorkload.Walk(subnet, space, ref sink);
        return Parameters.Mode == ExecutionMode.Sequential
            ? 1 / (sink.Fpga + sink.Host + sink.Exchange)
            : 1 / Math.Max(sink.Fpga + sink.Launches, sink.Host + sink.Exchange);
    }

    /// <summary>The latency op by op, with names such as <c>layers[3].fc1</c>.</summary>
    public LatencyEstimate Estimate(Subnet subnet, SearchSpace space)
    {
        var sink = new BreakdownSink(this, []);
        VitWorkload.Walk(subnet, space, ref sink);
        double launches = sink.Ops.Count(op => op.OnFpga) * LaunchSeconds;
        return new LatencyEstimate(sink.Ops, launches, Parameters.Mode);
    }

    private double LaunchSeconds => Parameters.KernelLaunchMicroseconds * 1e-6;

    /// <summary>Seconds of one host op of <paramref name="elements"/> elements, its dispatch included.</summary>
    public double HostSeconds(HostOpKind kind, long elements) =>
        elements * _hostSecondsPerElement[(int)kind] + Parameters.HostOpDispatchMicroseconds * 1e-6;

    /// <summary>Seconds the host spends starting a kernel run and keeping the shared buffers coherent.</summary>
    public double ExchangeSeconds(long hostBytes) =>
        Parameters.KernelLaunchMicroseconds * 1e-6 + hostBytes / Parameters.CacheMaintenanceBytesPerSecond;

    /// <summary>Cycles of one GEMM (cached per shape).</summary>
    public GemmLatency Gemm(in GemmShape shape) => _gemms.GetOrAdd(shape, static (s, model) => model.ComputeGemm(s), this);

    public double GemmSeconds(in GemmShape shape) => Gemm(shape).Cycles / _cyclesPerSecond;

    /// <summary>
    /// One kernel call as the accounting build counts it (<see cref="KernelCycles"/>, docs/kernel-layout.md §4) with η
    /// on the array's streaming iterations, floored by the DDR: the call moves every word of A, the weight stream (once
    /// per token tile), the tables and the output over the sustained bandwidth. The array- or output-paced part is
    /// compute; the rest (waiting for a reader, the writer, weight words, the input buffer fill, memory latency, DDR)
    /// is transfer.
    /// </summary>
    private GemmLatency ComputeGemm(GemmShape shape)
    {
        var e = Engine;
        if (shape.Reduction > e.MaxReduction)
            throw new InvalidOperationException($"a GEMM with K = {shape.Reduction} exceeds the engine's buffers, which hold K ≤ {e.MaxReduction}; size the engine for this model");
        if (shape.Tokens <= 0 || shape.Rows <= 0 || shape.Batches <= 0) return default;
        var cycles = KernelCycles.ForCall(e, shape, Parameters.ArrayEfficiency);
        var z = KernelCallSizes.For(e.TileTokens, e.TileRows, e.TileReduction, shape.Tokens, shape.Rows, shape.Reduction, shape.NibbleRows, shape.OutputBytes);
        double b = shape.Batches;
        double words = b * shape.Tokens * z.TokenWords + b * z.TokenTiles * z.WeightBlockWords + shape.TableEntries
            + b * shape.Tokens * z.OutputGroups * z.OutputWords;
        double total = Math.Max(cycles.Total, words * KernelCallSizes.WordBytes / _bytesPerCycle);
        double paced = Math.Min(total, Math.Max(cycles.ArrayStreaming, cycles.Output));
        return new GemmLatency(paced, total - paced);
    }

    private static double NominalHostCycles(HostOpKind kind) => kind switch
    {
        HostOpKind.Patchify => HostCycles.Patchify,
        HostOpKind.Quantize => HostCycles.Quantize,
        HostOpKind.Dequantize => HostCycles.Dequantize,
        HostOpKind.LayerNorm => HostCycles.LayerNorm,
        HostOpKind.Softmax => HostCycles.Softmax,
        HostOpKind.Gelu => HostCycles.Gelu,
        HostOpKind.ResidualAdd => HostCycles.ResidualAdd,
        HostOpKind.Embedding => HostCycles.Embedding,
        HostOpKind.Relayout => HostCycles.Relayout,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private struct TotalSink(LatencyModel model) : IWorkloadSink
    {
        public double Fpga;
        public double Host;
        public double Exchange;
        public double Launches;

        public void Gemm(VitOp op, int layer, in GemmShape shape, long hostInputBytes, long hostOutputBytes)
        {
            Fpga += model.GemmSeconds(shape);
            Exchange += model.ExchangeSeconds(hostInputBytes + hostOutputBytes);
            Launches += model.LaunchSeconds;
        }

        void IWorkloadSink.Host(VitOp op, int layer, HostOpKind kind, long elements) => Host += model.HostSeconds(kind, elements);
    }

    private readonly struct BreakdownSink(LatencyModel model, List<OpLatency> ops) : IWorkloadSink
    {
        public List<OpLatency> Ops => ops;

        public void Gemm(VitOp op, int layer, in GemmShape shape, long hostInputBytes, long hostOutputBytes)
        {
            var gemm = model.Gemm(shape);
            ops.Add(new OpLatency(Name(op, layer), op, layer,
                gemm.ComputeCycles / model._cyclesPerSecond, gemm.TransferCycles / model._cyclesPerSecond,
                0, model.ExchangeSeconds(hostInputBytes + hostOutputBytes)));
        }

        public void Host(VitOp op, int layer, HostOpKind kind, long elements) =>
            ops.Add(new OpLatency(Name(op, layer), op, layer, 0, 0, model.HostSeconds(kind, elements), 0));

        private static string Name(VitOp op, int layer)
        {
            var name = OpName(op);
            return layer >= 0 && op is not (VitOp.FinalNorm or VitOp.HeadQuantize or VitOp.Head or VitOp.LogitsDequantize)
                ? $"layers[{layer}].{name}"
                : name;
        }
    }

    /// <summary>snake_case op names: <c>patch_embed</c>, <c>qkv_quantize</c>, <c>fc1</c>, ...</summary>
    public static string OpName(VitOp op) => op switch
    {
        VitOp.Patchify => "patchify",
        VitOp.PatchQuantize => "patch_quantize",
        VitOp.PatchEmbed => "patch_embed",
        VitOp.Embedding => "class_token_and_position",
        VitOp.Norm1 => "norm1",
        VitOp.QkvQuantize => "qkv_quantize",
        VitOp.Query => "q",
        VitOp.Key => "k",
        VitOp.Value => "v",
        VitOp.QkvRelayout => "qkv_relayout",
        VitOp.Scores => "scores",
        VitOp.Softmax => "softmax",
        VitOp.ProbabilityQuantize => "p_quantize",
        VitOp.Context => "context",
        VitOp.ContextRelayout => "context_relayout",
        VitOp.Projection => "proj",
        VitOp.Residual1 => "residual1",
        VitOp.Norm2 => "norm2",
        VitOp.Fc1Quantize => "fc1_quantize",
        VitOp.Fc1 => "fc1",
        VitOp.Gelu => "gelu",
        VitOp.Fc2Quantize => "fc2_quantize",
        VitOp.Fc2 => "fc2",
        VitOp.Residual2 => "residual2",
        VitOp.FinalNorm => "norm",
        VitOp.HeadQuantize => "head_quantize",
        VitOp.Head => "head",
        VitOp.LogitsDequantize => "logits_dequantize",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };
}
