namespace Quasar.HwGen.Vitis.Lint;

/// <summary>One lint rule: a stable code, a short name, why it matters for Vitis HLS, and which referenced symbols it flags.</summary>
/// <param name="Matches">Takes the mangled and the demangled name of a referenced symbol.</param>
public sealed record LintRule(string Code, string Name, LintSeverity Severity, string Why, Func<string, string, bool> Matches)
{
    public override string ToString() => $"{Code} {Name}";
}
