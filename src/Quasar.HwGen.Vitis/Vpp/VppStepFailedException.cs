using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Vitis.Vpp;

/// <summary>A v++ step failed: a nonzero exit, an error line in its log, or a missing output; names the evidence.</summary>
public sealed class VppStepFailedException(VppStep step, string target, string command, int? exitCode, IReadOnlyList<string> problems,
    IReadOnlyList<string> excerpt)
    : ToolException($"v++ {step.ToString().ToLowerInvariant()} (-t {target}) failed: {string.Join("; ", problems)}", command, exitCode, excerpt)
{
    public VppStep Step { get; } = step;

    public IReadOnlyList<string> Problems { get; } = problems;
}
