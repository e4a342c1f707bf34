namespace Quasar.HwGen.Vitis.Vpp;

/// <summary>
/// A v++ step that passed: its command, log, duration and the file it made (xclbin or SD card image); for a link,
/// what the implementation reports say.
/// </summary>
public sealed record VppStepResult(VppStep Step, string Command, IReadOnlyList<string> Lines, TimeSpan Duration, string Output)
{
    public LinkReports? Implementation { get; init; }
}
