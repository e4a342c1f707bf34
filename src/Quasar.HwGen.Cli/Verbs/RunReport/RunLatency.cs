namespace Quasar.HwGen.Cli.Verbs.RunReport;

/// <summary>The hardware model's time for one layer or one op kind of a frame, in milliseconds.</summary>
internal sealed record RunLatency(string Name, double Milliseconds);
