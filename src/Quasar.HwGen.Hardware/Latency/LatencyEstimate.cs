namespace Quasar.HwGen.Hardware.Latency;

/// <summary>
/// The latency of one inference, op by op; the ops of a frame run one after another (host and FPGA alternate).
/// Throughput depends on the <see cref="Mode"/>: one frame at a time, or two in flight.
/// </summary>
/// <param name="KernelLaunchSeconds">The part of <see cref="LatencyCategory.Exchange"/> spent starting kernel runs, during which the FPGA waits too.</param>
public sealed record LatencyEstimate(IReadOnlyList<OpLatency> Ops, double KernelLaunchSeconds, ExecutionMode Mode)
{
    /// <summary>Seconds from a frame's pixels to its logits.</summary>
    public double Seconds => Ops.Sum(op => op.Seconds);

    /// <summary>Seconds a frame keeps the FPGA busy: its GEMMs and the kernel starts it waits for.</summary>
    public double FpgaBusySeconds => this[LatencyCategory.FpgaCompute] + this[LatencyCategory.FpgaTransfer] + KernelLaunchSeconds;

    /// <summary>Seconds a frame keeps the host busy: its host ops and every exchange.</summary>
    public double HostBusySeconds => this[LatencyCategory.Host] + this[LatencyCategory.Exchange];

    /// <summary>Frames per second in <see cref="Mode"/>.</summary>
    public double FramesPerSecond => Mode == ExecutionMode.Sequential ? 1 / Seconds : 1 / Math.Max(FpgaBusySeconds, HostBusySeconds);

    public double this[LatencyCategory category] => Ops.Sum(op => op[category]);

    /// <summary>Seconds per layer: −1 (patchify, patch embedding) first, then each block, then the head.</summary>
    public IReadOnlyList<(int Layer, double Seconds)> ByLayer() =>
        [.. Ops.GroupBy(op => op.Layer).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(op => op.Seconds)))];

    /// <summary>Seconds per op kind over all layers (e.g. every fc1), in execution order.</summary>
    public IReadOnlyList<(VitOp Op, double Seconds)> ByOp() =>
        [.. Ops.GroupBy(op => op.Op).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(op => op.Seconds)))];
}
