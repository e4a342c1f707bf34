using Quasar.HwGen.Vitis.Processes;
using Quasar.HwGen.Vitis.Projects;

namespace Quasar.HwGen.Vitis.Csim;

/// <summary>One g++ run in a project that must produce <c>output</c> (relative to the project): the testbench executable or the kernel library.</summary>
internal static class GxxBuild
{
    /// <summary>Runs g++ with <paramref name="arguments"/> (which name <paramref name="output"/> after <c>-o</c>) and returns the output's full path and the compiler's log.</summary>
    /// <exception cref="CompilationFailedException">g++ failed or wrote nothing; <paramref name="what"/> names the build in the message.</exception>
    public static async Task<(string Path, ToolRunResult Run)> RunAsync(string compiler, HlsProject project, IReadOnlyList<string> arguments, string output,
        string what, int diagnosticLines, IProgress<string>? progress, CancellationToken cancellation)
    {
        var path = project.PathOf(output);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        var compile = await ToolRunner.RunAsync(compiler, arguments, project.Root, progress is null ? null : progress.Report,
            cancellation: cancellation, environment: ToolRunner.CLocale).ConfigureAwait(false);
        if (compile.ExitCode != 0 || !File.Exists(path))
            throw new CompilationFailedException(what, compile.Command, compile.ExitCode, CompilerDiagnostics.Excerpt(compile.Lines, diagnosticLines));
        return (path, compile);
    }
}
