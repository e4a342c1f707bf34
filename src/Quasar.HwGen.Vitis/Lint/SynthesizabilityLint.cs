using System.Diagnostics;
using Quasar.HwGen.Vitis.Csim;
using Quasar.HwGen.Vitis.Lint.Performance;
using Quasar.HwGen.Vitis.Processes;
using Quasar.HwGen.Vitis.Projects;
using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Vitis.Lint;

/// <summary>
/// Compiles <c>src/quasar_gemm.cpp</c> alone with g++ -c and reports what Vitis HLS cannot synthesize (heap, exceptions,
/// RTTI, I/O, recursion), each finding naming the symbol and the kernel function that references it (docs/vitis.md).
/// </summary>
public sealed class SynthesizabilityLint(Toolset tools, LintOptions options)
{
    private const int DiagnosticLines = 20;

    public LintOptions Options { get; } = options;

    public async Task<LintReport> RunAsync(HlsProject project, LintAnalyzer? analyzer = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        var clock = Stopwatch.StartNew();
        var gxx = tools.Require(ToolNames.Gxx);
        var objdump = tools.SearchPath.Require(ToolNames.Objdump);
        var cxxfilt = tools.SearchPath.Require(ToolNames.Cxxfilt);

        var buildDirectory = project.PathOf(Options.BuildDirectory);
        Directory.CreateDirectory(buildDirectory);
        var stem = Path.GetFileNameWithoutExtension(project.Kernel);
        var objectFile = Path.Combine(buildDirectory, stem + ".o");
        var callGraphFile = Path.Combine(buildDirectory, stem + ".ci");
        File.Delete(objectFile);
        File.Delete(callGraphFile);
        bool withCallGraph = ToolDiscovery.MajorVersion(tools.GxxVersion) >= 10;

        string[] arguments = [.. Options.Flags, .. Options.ExtraFlags, .. withCallGraph ? new[] { "-fcallgraph-info" } : [],
            "-I", HlsProject.IncludeDirectory, "-c", HlsProject.KernelFile, "-o", project.Relative(objectFile)];
        var compile = await ToolRunner.RunAsync(gxx, arguments, project.Root, cancellation: cancellation, environment: ToolRunner.CLocale).ConfigureAwait(false);
        if (compile.ExitCode != 0 || !File.Exists(objectFile))
        {
            throw new CompilationFailedException($"{HlsProject.KernelFile} for the lint", compile.Command, compile.ExitCode,
                CompilerDiagnostics.Excerpt(compile.Lines, DiagnosticLines));
        }

        var dump = await ToolRunner.RunAsync(objdump, ["-t", "-r", objectFile], project.Root, cancellation: cancellation).ConfigureAwait(false);
        if (dump.ExitCode != 0) throw new ToolException("objdump could not read the kernel object", dump.Command, dump.ExitCode, dump.Tail(5));
        var relocations = RelocationListing.Parse(dump.Lines);
        var callGraph = File.Exists(callGraphFile) ? CallGraphInfo.Parse(File.ReadLines(callGraphFile)) : CallGraphInfo.Empty;
        var aliases = SymbolTable.FunctionAliases(dump.Lines);
        var names = KernelObject.Names(relocations, callGraph, aliases).ToArray();
        var demangled = await Demangler.DemangleAsync(cxxfilt, names, cancellation).ConfigureAwait(false);
        var kernel = KernelObject.Combine(relocations, callGraph, aliases, demangled);
        var findings = (analyzer ?? LintAnalyzer.Default).Analyze(kernel).ToList();

        // The performance rules read the preprocessed source: -E keeps #pragma lines and marks every line's file.
        string[] preprocess = [.. Options.Flags.Where(f => f.StartsWith("-std=", StringComparison.Ordinal) || f.StartsWith("-D", StringComparison.Ordinal)),
            .. Options.ExtraFlags, "-I", HlsProject.IncludeDirectory, "-E", HlsProject.KernelFile];
        var expanded = await ToolRunner.RunAsync(gxx, preprocess, project.Root, cancellation: cancellation, environment: ToolRunner.CLocale).ConfigureAwait(false);
        if (expanded.ExitCode != 0)
        {
            throw new CompilationFailedException($"{HlsProject.KernelFile} (preprocessing for the lint)", expanded.Command, expanded.ExitCode,
                CompilerDiagnostics.Excerpt(expanded.Lines, DiagnosticLines));
        }
        findings.AddRange(PerformanceLint.Analyze(expanded.Lines, Options.PerformanceSeverity));
        findings = [.. findings.OrderByDescending(f => f.Rule.Severity).ThenBy(f => f.Rule.Code, StringComparer.Ordinal)];
        return new LintReport(HlsProject.KernelFile, findings, clock.Elapsed);
    }
}
