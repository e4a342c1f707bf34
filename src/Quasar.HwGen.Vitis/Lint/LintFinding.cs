namespace Quasar.HwGen.Vitis.Lint;

/// <summary>
/// A rule broken in the kernel object: the symbol (demangled), the kernel-side function that references it, where
/// (file:line:col when g++ reported it), and the library function it is reached through, if not referenced directly.
/// </summary>
public sealed record LintFinding(LintRule Rule, string Symbol, string MangledSymbol, string Function, string? Location, string? Via)
{
    public override string ToString()
    {
        var severity = Rule.Severity == LintSeverity.Error ? "error" : "warning";
        var where = Location is null ? "" : $" ({Location})";
        var via = Via is null ? "" : $" via {Via}";
        return $"{Rule.Code} {severity} {Rule.Name}: {Symbol} in {Function}{via}{where}";
    }
}
