using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Search.Results;

/// <summary>An evaluated subnet: its accuracy (fraction) and the FPS the latency model gives it.</summary>
public sealed record Candidate(Subnet Subnet, double Accuracy, double Fps);
