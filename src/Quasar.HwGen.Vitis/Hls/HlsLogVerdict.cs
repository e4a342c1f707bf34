namespace Quasar.HwGen.Vitis.Hls;

/// <summary>Whether an HLS step succeeded according to its log (exit codes of the Vitis tools cannot be trusted), and why not.</summary>
/// <param name="Problems">Why the step failed, one short sentence each; empty when it passed.</param>
/// <param name="EvidenceLines">The log lines that show the failure (error markers, testbench mismatch lines).</param>
public sealed record HlsLogVerdict(bool Passed, IReadOnlyList<string> Problems, IReadOnlyList<string> EvidenceLines);
