using Quasar.HwGen.Core.Execution.Kernel;

namespace Quasar.HwGen.Hardware.Calibration;

/// <summary>
/// What a C/RTL cosimulation measured: the kernel calls it ran (the project's golden calls, in order) and the latency
/// per call in cycles, over all of them (cosim's min/avg/max; min and max may be missing).
/// </summary>
public sealed record ReportedLatency(IReadOnlyList<KernelWordCall> Calls, double AverageCycles, double? MinCycles = null, double? MaxCycles = null);
