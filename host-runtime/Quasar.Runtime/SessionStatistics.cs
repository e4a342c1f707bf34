namespace Quasar.Runtime;

/// <summary>Where a session's time went, summed over the frames it ran (wall time of each stage, per frame).</summary>
public readonly record struct SessionStatistics(long Frames, TimeSpan HostOps, TimeSpan Accelerator)
{
    public TimeSpan HostOpsPerFrame => Frames == 0 ? TimeSpan.Zero : HostOps / Frames;

    public TimeSpan AcceleratorPerFrame => Frames == 0 ? TimeSpan.Zero : Accelerator / Frames;
}
