namespace Quasar.HwGen.Vitis.Lint.Performance;

/// <summary>
/// The performance rules (QLINT101-106) on a preprocessed kernel (<c>g++ -E</c> output: macros expanded, #if resolved,
/// <c>#pragma HLS</c> lines kept, line markers for file:line). See docs/vitis.md for what each rule checks.
/// </summary>
public static class PerformanceLint
{
    public static IReadOnlyList<LintFinding> Analyze(IEnumerable<string> preprocessedLines, LintSeverity severity)
    {
        var unit = CppTranslationUnit.Parse(CppLexer.Tokenize(preprocessedLines));
        var kernel = new KernelSource(unit);
        LintRule As(LintRule rule) => rule with { Severity = severity };
        return
        [
            .. PortWidthCheck.Run(kernel, As(LintRules.NarrowPort)),
            .. BurstAccessCheck.Run(kernel, As(LintRules.BurstAccess)),
            .. TripCountCheck.Run(kernel, As(LintRules.TripCount)),
            .. CallSiteCheck.Run(kernel, As(LintRules.SharedBlock)),
            .. DataflowCheck.Run(kernel, As(LintRules.DataflowForm)),
            .. AccumulatorWidthCheck.Run(kernel, As(LintRules.AccumulatorWidth)),
        ];
    }
}
