namespace Quasar.HwGen.Vitis.Lint;

/// <summary>
/// A rule broken in the kernel object: the symbol (demangled), the kernel-side function that references it, where
/// (file:line:col when g++ reported it), and the library function it is reached through, if not referenced directly.
/// A performance finding names the construct as its symbol and says how to fix it.
/// </summary>
public sealed record LintFinding(LintRule Rule, string Symbol, string MangledSymbol, string Function, string? Location, string? Via, string? Fix = null)
{
    public override string ToString()
    {
        var severity = Rule.Severity == LintSeverity.Error ? "error" : "warning";
        var where = Location is null ? "" : $" ({Location})";
        var via = Via is null ? "" : $" via {Via}";
        var fix = Fix is null ? "" : $"; fix: {Fix}";
        return $"{Rule.Code} {severity} {Rule.Name}: {Symbol} in {Function}{via}{where}{fix}";
    }
}
