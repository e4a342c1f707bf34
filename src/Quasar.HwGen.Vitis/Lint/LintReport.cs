using System.Globalization;

namespace Quasar.HwGen.Vitis.Lint;

/// <summary>The lint of one kernel object: its findings, errors first. It passes when no finding is an error.</summary>
public sealed record LintReport(string Source, IReadOnlyList<LintFinding> Findings, TimeSpan Duration)
{
    public bool Passed => Errors.Count == 0;

    public IReadOnlyList<LintFinding> Errors => Findings.Where(f => f.Rule.Severity == LintSeverity.Error).ToArray();

    public IReadOnlyList<LintFinding> Warnings => Findings.Where(f => f.Rule.Severity == LintSeverity.Warning).ToArray();

    /// <summary>One line per finding, then a summary line.</summary>
    public string Format()
    {
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"lint {Source}: {(Passed ? "passed" : "FAILED")}, {Errors.Count} error(s), {Warnings.Count} warning(s) ({Duration.TotalSeconds:F1} s)");
        return string.Concat(Findings.Select(f => f + "\n")) + summary;
    }
}
