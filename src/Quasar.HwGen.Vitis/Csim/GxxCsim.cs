using Quasar.HwGen.Vitis.Processes;
using Quasar.HwGen.Vitis.Projects;

namespace Quasar.HwGen.Vitis.Csim;

/// <summary>
/// C simulation without Vitis: compiles <c>src/*.cpp</c> and <c>tb/*.cpp</c> of a generated project with g++ into
/// <c>build/csim-gxx/csim</c>, runs it in the project directory (golden files as arguments) and reads its verdict.
/// </summary>
public sealed class GxxCsim(string compiler, GxxCsimOptions options)
{
    public string Compiler { get; } = compiler;

    public GxxCsimOptions Options { get; } = options;

    /// <summary>Compiles and runs; compile errors throw <see cref="CompilationFailedException"/>, a failing testbench does not.</summary>
    /// <param name="progress">Receives every compiler and testbench output line as it arrives.</param>
    public async Task<CsimResult> RunAsync(HlsProject project, IReadOnlyList<string> goldenFiles, IProgress<string>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(goldenFiles);
        var executable = await CompileAsync(project, progress, cancellation).ConfigureAwait(false);
        var golden = goldenFiles.Select(Path.GetFullPath).ToArray();
        var run = await ToolRunner.RunAsync(executable.Path, golden, project.Root, Report(progress), Options.RunTimeout, cancellation)
            .ConfigureAwait(false);
        var verdict = TestbenchOutput.Parse(run.Lines);
        var outcome = CsimResult.Classify(verdict, run.ExitCode, run.Signal);
        return new CsimResult("g++", outcome, verdict, run.ExitCode, outcome == CsimOutcome.Crashed ? run.Signal : null,
            [.. executable.Log, .. run.Lines], CompilerDiagnostics.Warnings(executable.Log), executable.Duration, run.Duration);
    }

    /// <summary>The g++ arguments (relative to the project directory) that build the testbench executable.</summary>
    public IReadOnlyList<string> CompileArguments(HlsProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var testbench = project.TestbenchSources;
        if (testbench.Count == 0) throw new FileNotFoundException($"no testbench: {project.Root}/tb/*.cpp is empty (see docs/hls-engine.md §5)");
        var output = $"{Options.BuildDirectory.TrimEnd('/')}/{GxxCsimOptions.ExecutableName}";
        return [.. Options.Flags, .. Options.ExtraFlags, "-I", HlsProject.IncludeDirectory,
            .. project.KernelSources.Concat(testbench).Select(project.Relative), "-o", output];
    }

    private async Task<(string Path, IReadOnlyList<string> Log, TimeSpan Duration)> CompileAsync(HlsProject project, IProgress<string>? progress,
        CancellationToken cancellation)
    {
        var output = Path.Combine(Options.BuildDirectory, GxxCsimOptions.ExecutableName);
        var (executable, compile) = await GxxBuild.RunAsync(Compiler, project, CompileArguments(project), output, $"the csim testbench of {project.Root}",
            Options.DiagnosticLines, progress, cancellation).ConfigureAwait(false);
        return (executable, compile.Lines, compile.Duration);
    }

    private static Action<string>? Report(IProgress<string>? progress) => progress is null ? null : progress.Report;
}
