namespace Quasar.HwGen.Core.Ir;

/// <summary>A graph that broke the IR's rules; the message lists every diagnostic with its code.</summary>
public sealed class IrVerificationException(string stage, IReadOnlyList<IrDiagnostic> diagnostics)
    : Exception($"IR verification failed after {stage} ({diagnostics.Count} problem(s)):\n  " + string.Join("\n  ", diagnostics.Take(20))
        + (diagnostics.Count > 20 ? $"\n  ... and {diagnostics.Count - 20} more" : ""))
{
    public string Stage { get; } = stage;

    public IReadOnlyList<IrDiagnostic> Diagnostics { get; } = diagnostics;
}
