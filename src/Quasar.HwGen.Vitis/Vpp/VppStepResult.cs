namespace Quasar.HwGen.Vitis.Vpp;

/// <summary>A v++ step that passed: its command, log, duration and the file it made (xclbin or SD card image).</summary>
public sealed record VppStepResult(VppStep Step, string Command, IReadOnlyList<string> Lines, TimeSpan Duration, string Output);
