using System.Collections.Concurrent;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Hardware.Constants;
using Quasar.HwGen.Hardware.Engine;

namespace Quasar.HwGen.Hardware.Latency;

/// <summary>
/// Latency of a subnet on one engine of one platform (docs/hardware-model.md §3): each GEMM as tiles whose time is
/// max(compute, DDR transfer, output drain) under double buffering plus the exposed first loads and last writes;
/// host ops from element counts at the host's clock and cores; kernel starts and cache maintenance for every exchange.
/// GEMM results are cached per shape, so <see cref="Seconds"/> allocates nothing once the shapes are known.
/// Thread-safe.
/// </summary>
public sealed class LatencyModel
{
    private readonly ConcurrentDictionary<GemmShape, GemmLatency> _gemms = new();
    private readonly double[] _hostSecondsPerElement;
    private readonly double _bytesPerCycle;
    private readonly double _cyclesPerSecond;
    private readonly int _tokensPerCycle;
    private readonly BufferPlan _buffers;

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
        _tokensPerCycle = engine.TokensPerCycle;
        _buffers = engine.Buffers;
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
    /// Loop order: token tiles (m), then nibble-row tiles (n), then k-steps. A token tile's activations stay in the
    /// input buffer for all its row tiles; a row tile's weights (TN nibble rows × K) load while the previous row tile
    /// computes; each k-step puts a TN×TK weight tile in the array and streams the tile's tokens through, PT a cycle.
    /// A row tile ends when its accumulators move to the output stage, which drains one token's TN rows a cycle while
    /// the next row tile accumulates into the other half. What a tile needs before it starts (its weights, a share of
    /// the next token tile's activations) is overlapped tile by tile: max(compute, transfer). The outputs leave
    /// through the output buffer and the write queue, so they are bounded over the whole GEMM: reads and writes
    /// share the DDR, and the GEMM takes at least all its bytes over the sustained bandwidth.
    /// </summary>
    private GemmLatency ComputeGemm(GemmShape shape)
    {
        var e = Engine;
        if (shape.Reduction > e.MaxReduction)
            throw new InvalidOperationException($"a GEMM with K = {shape.Reduction} exceeds the engine's buffers, which hold K ≤ {e.MaxReduction}; size the engine for this model");
        if (shape.Tokens <= 0 || shape.Rows <= 0) return default;
        int tm = e.TileTokens, tn = e.TileRows, tk = e.TileReduction;
        int nibbleRows = shape.NibbleRows, k = shape.Reduction;
        int mTiles = CeilDiv(shape.Tokens, tm), lastTokens = shape.Tokens - (mTiles - 1) * tm;
        int nTiles = CeilDiv(nibbleRows, tn), lastRows = nibbleRows - (nTiles - 1) * tn;
        int kSteps = CeilDiv(k, tk);

        double paced = 0, tiled = 0;
        void RowTiles(int tokens, long nextInputBytes, int repeat)
        {
            if (repeat <= 0) return;
            double share = (double)nextInputBytes / nTiles;
            Add(Tile(tokens, tn, share), (nTiles - 1) * repeat);
            Add(Tile(tokens, lastRows, share), repeat);
        }
        void Add((double Paced, double Busy) tile, int count)
        {
            paced += tile.Paced * count;
            tiled += tile.Busy * count;
        }
        (double Paced, double Busy) Tile(int tokens, int rows, double inputShare)
        {
            double stream = Math.Ceiling((double)tokens / _tokensPerCycle) / Parameters.ArrayEfficiency;
            double weightLoad = Math.Ceiling((double)rows * tk / _buffers.WeightNibblesPerCycle);
            double computeCycles = kSteps * Math.Max(stream, weightLoad);
            double drain = tokens; // the output stage drains one token's rows a cycle
            double tilePaced = Math.Max(computeCycles, drain);
            double bytes = rows * (double)k / 2 + inputShare;
            return (tilePaced, Math.Max(tilePaced, bytes / _bytesPerCycle));
        }

        // Token tiles: all but the last two load a full next tile; the second-to-last loads the last one.
        RowTiles(tm, (long)tm * k, mTiles - 2);
        RowTiles(tm, (long)lastTokens * k, mTiles >= 2 ? 1 : 0);
        RowTiles(lastTokens, 0, 1);

        double allBytes = shape.InputBytes + (double)mTiles * shape.WeightBytes + shape.OutputBytesTotal;
        double busy = Math.Max(tiled, allBytes / _bytesPerCycle);

        // Before the first k-step: the first token tile's activations and the first row tile's weights, unhidden.
        // After the last: the array pipeline and the output stage drain of the last tile.
        int firstTokens = mTiles == 1 ? lastTokens : tm;
        int firstRows = nTiles == 1 ? lastRows : tn;
        double prologue = ((double)firstTokens * k + firstRows * (double)k / 2) / _bytesPerCycle;
        double pipelineFill = Math.Ceiling(Math.Log2(tk)) + ModelConstants.ArrayPipelineStages + lastTokens;
        return new GemmLatency(paced + pipelineFill, busy - paced + prologue);
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
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static int CeilDiv(int a, int b) => (a + b - 1) / b;

    private struct TotalSink(LatencyModel model) : IWorkloadSink
    {
        public double Fpga;
        public double Host;
        public double Exchange;
        public double Launches;

        public void Gemm(VitOp op, int layer, in GemmShape shape, int count, long hostInputBytes, long hostOutputBytes)
        {
            Fpga += count * model.GemmSeconds(shape);
            Exchange += model.ExchangeSeconds(hostInputBytes + hostOutputBytes);
            Launches += model.LaunchSeconds;
        }

        void IWorkloadSink.Host(VitOp op, int layer, HostOpKind kind, long elements) => Host += model.HostSeconds(kind, elements);
    }

    private readonly struct BreakdownSink(LatencyModel model, List<OpLatency> ops) : IWorkloadSink
    {
        public List<OpLatency> Ops => ops;

        public void Gemm(VitOp op, int layer, in GemmShape shape, int count, long hostInputBytes, long hostOutputBytes)
        {
            var gemm = model.Gemm(shape);
            ops.Add(new OpLatency(Name(op, layer), op, layer,
                count * gemm.ComputeCycles / model._cyclesPerSecond, count * gemm.TransferCycles / model._cyclesPerSecond,
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
        VitOp.Scores => "scores",
        VitOp.Softmax => "softmax",
        VitOp.ProbabilityQuantize => "p_quantize",
        VitOp.Context => "context",
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
