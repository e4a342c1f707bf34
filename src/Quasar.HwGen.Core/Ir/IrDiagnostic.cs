namespace Quasar.HwGen.Core.Ir;

/// <summary>One verifier finding: a stable code (see <see cref="IrDiagnosticCodes"/>), the op it concerns, and what is wrong.</summary>
public sealed record IrDiagnostic(string Code, string Where, string Message)
{
    public override string ToString() => $"{Code} {Where}: {Message}";
}
