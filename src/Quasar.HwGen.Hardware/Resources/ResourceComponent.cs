namespace Quasar.HwGen.Hardware.Resources;

/// <summary>One part of the engine and what it costs, e.g. "PE array, DSP units (packing 4)".</summary>
public sealed record ResourceComponent(string Name, ResourceUsage Usage);
