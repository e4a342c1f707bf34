namespace Quasar.HwGen.Bench;

/// <summary>Seconds per call: the median of the samples, and the fastest sample (the least disturbed by other load).</summary>
public readonly record struct Sample(double Median, double Best);
