namespace Quasar.HwGen.Vitis.Csim;

/// <summary>How <see cref="GxxCsim"/> builds and runs a project's testbench. <c>-I include</c> is always added.</summary>
/// <param name="Flags">Compiler flags (language, optimisation, warnings).</param>
/// <param name="ExtraFlags">Appended after <see cref="Flags"/> (defines, sanitizers, ...).</param>
/// <param name="BuildDirectory">Output directory, relative to the project.</param>
/// <param name="RunTimeout">The testbench is killed after this long (null: never).</param>
/// <param name="DiagnosticLines">How many compiler lines a compile error carries.</param>
public sealed record GxxCsimOptions(
    IReadOnlyList<string> Flags,
    IReadOnlyList<string> ExtraFlags,
    string BuildDirectory = GxxCsimOptions.DefaultBuildDirectory,
    TimeSpan? RunTimeout = null,
    int DiagnosticLines = 20)
{
    public const string DefaultBuildDirectory = "build/csim-gxx";
    public const string ExecutableName = "csim";

    /// <summary>
    /// C++14 at -O2 with -Wall, minus the two warnings the HLS sources raise by design: <c>#pragma HLS</c> (unknown to
    /// g++, and GCC 12 cannot silence it from inside a header, GCC bug 53431) and loop labels (they name the loops in the
    /// csynth reports).
    /// </summary>
    public static GxxCsimOptions Default { get; } = new(["-std=c++14", "-O2", "-Wall", "-Wno-unknown-pragmas", "-Wno-unused-label"], [], RunTimeout: TimeSpan.FromHours(2));

    /// <summary>The cycle-accounting build (docs/kernel-layout.md §4): the testbench prints a CYCLES line per call. Built
    /// in its own directory so that it never replaces the plain csim executable.</summary>
    public GxxCsimOptions WithCycleAccounting() =>
        this with { ExtraFlags = [.. ExtraFlags, "-D" + CycleAccountingMacro], BuildDirectory = BuildDirectory.TrimEnd('/') + "-cycles" };

    public const string CycleAccountingMacro = "QUASAR_CYCLE_ACCOUNTING";
}
