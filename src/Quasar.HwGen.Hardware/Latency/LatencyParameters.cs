using Quasar.HwGen.Hardware.Constants;

namespace Quasar.HwGen.Hardware.Latency;

/// <summary>
/// The latency model's adjustable numbers, with the calibrated values of <see cref="ModelConstants"/> as defaults;
/// calibration varies them (docs/hardware-model.md §5). Everything else the model uses is a fixed constant.
/// </summary>
public sealed record LatencyParameters(
    double ArrayEfficiency = ModelConstants.ArrayEfficiency,
    double HostCostScale = ModelConstants.HostCostScale,
    double KernelLaunchMicroseconds = ModelConstants.KernelLaunchMicroseconds,
    double HostOpDispatchMicroseconds = ModelConstants.HostOpDispatchMicroseconds,
    double CacheMaintenanceBytesPerSecond = ModelConstants.CacheMaintenanceBytesPerSecond,
    double HostParallelEfficiency = ModelConstants.HostParallelEfficiency,
    ExecutionMode Mode = ExecutionMode.Pipelined)
{
    public static LatencyParameters Default { get; } = new();

    public void Validate()
    {
        if (!(ArrayEfficiency is > 0 and <= 1)) throw new ArgumentException($"array efficiency {ArrayEfficiency} is outside (0, 1]");
        if (!(HostParallelEfficiency is > 0 and <= 1)) throw new ArgumentException($"host parallel efficiency {HostParallelEfficiency} is outside (0, 1]");
        if (!(HostCostScale > 0) || !(CacheMaintenanceBytesPerSecond > 0)) throw new ArgumentException("host cost scale and cache maintenance rate must be positive");
        if (!(KernelLaunchMicroseconds >= 0) || !(HostOpDispatchMicroseconds >= 0)) throw new ArgumentException("overheads cannot be negative");
    }
}
