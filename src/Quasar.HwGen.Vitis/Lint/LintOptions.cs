namespace Quasar.HwGen.Vitis.Lint;

/// <summary>
/// How the kernel is compiled for the lint. -O0 keeps every call visible (nothing inlined away, no library call folded
/// into a builtin); <c>-ffunction-sections</c> gives each function its own section so that every relocation names the
/// function that references a symbol; <c>-fcallgraph-info</c> (g++ 10+) adds call sites and calls without relocations.
/// <c>-I include</c> is always added. <c>__SYNTHESIS__</c> is never defined (the code must compile as it does in csim).
/// <paramref name="PerformanceSeverity"/> is the severity of the performance rules (QLINT1xx): Error by default (the
/// generated streaming kernel meets every rule, so a finding is a regression or a hand edit that breaks the hardware
/// model's assumptions), Warning for experiments on a hand-edited kernel (<see cref="Lenient"/>).
/// </summary>
public sealed record LintOptions(IReadOnlyList<string> Flags, IReadOnlyList<string> ExtraFlags, string BuildDirectory = LintOptions.DefaultBuildDirectory,
    LintSeverity PerformanceSeverity = LintSeverity.Error)
{
    /// <summary>The default options with the performance rules as warnings.</summary>
    public static LintOptions Lenient => Default with { PerformanceSeverity = LintSeverity.Warning };

    public const string DefaultBuildDirectory = "build/lint";

    public static LintOptions Default { get; } = new(["-std=c++14", "-O0", "-fno-inline", "-ffunction-sections", "-fdata-sections"], []);
}
