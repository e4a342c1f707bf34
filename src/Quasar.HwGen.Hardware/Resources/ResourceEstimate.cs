namespace Quasar.HwGen.Hardware.Resources;

/// <summary>The resources of an engine, part by part, and their sum.</summary>
public sealed record ResourceEstimate(IReadOnlyList<ResourceComponent> Components)
{
    public ResourceUsage Total => Components.Aggregate(ResourceUsage.Zero, (sum, c) => sum + c.Usage);

    /// <summary>What a csynth report of the kernel counts: every component but the platform shell (the Vitis platform's own logic).</summary>
    public ResourceUsage Kernel => Components.Where(c => c.Name != ResourceModel.PlatformShell).Aggregate(ResourceUsage.Zero, (sum, c) => sum + c.Usage);

    /// <summary>The component that needs the most of <paramref name="kind"/>.</summary>
    public ResourceComponent LargestUserOf(ResourceKind kind) => Components.MaxBy(c => c.Usage[kind])!;
}
