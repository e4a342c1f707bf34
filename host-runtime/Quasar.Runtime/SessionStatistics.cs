namespace Quasar.Runtime;

/// <summary>Where a session's time went, summed over the frames it ran (wall time of each stage, per frame).</summary>
public readonly record struct SessionStatistics(long Frames, TimeSpan HostOps, TimeSpan Accelerator, IReadOnlyList<StepKindTime> Kinds)
{
    public TimeSpan HostOpsPerFrame => Frames == 0 ? TimeSpan.Zero : HostOps / Frames;

    public TimeSpan AcceleratorPerFrame => Frames == 0 ? TimeSpan.Zero : Accelerator / Frames;

    /// <summary>What was run after <paramref name="earlier"/> (a snapshot of the same session).</summary>
    public SessionStatistics Since(SessionStatistics earlier) => new(
        Frames - earlier.Frames, HostOps - earlier.HostOps, Accelerator - earlier.Accelerator,
        [.. Kinds.Select(k => k with { Total = k.Total - (earlier.Kinds.FirstOrDefault(e => e.Kind == k.Kind)?.Total ?? TimeSpan.Zero) })]);

    /// <summary>The time of one kind of step per frame.</summary>
    public TimeSpan PerFrame(StepKindTime kind) => Frames == 0 ? TimeSpan.Zero : kind.Total / Frames;
}

/// <summary>The summed time of the steps of one kind (e.g. every layer's "softmax+quantize").</summary>
public sealed record StepKindTime(string Kind, bool OnAccelerator, int StepsPerFrame, TimeSpan Total);
