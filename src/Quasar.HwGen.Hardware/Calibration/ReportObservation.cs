using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Hardware.Resources;

namespace Quasar.HwGen.Hardware.Calibration;

/// <summary>
/// The reports of one generated design: its engine (from the project's manifest), what csynth reported for the kernel
/// (the top function's LUT, FF, DSP and BRAM_18K; null without a csynth report) and what cosim measured (null without one).
/// </summary>
/// <param name="Name">Names the design in residuals (the project folder or the report).</param>
public sealed record ReportObservation(string Name, EngineConfig Engine, ResourceUsage? Csynth, ReportedLatency? Cosim);
