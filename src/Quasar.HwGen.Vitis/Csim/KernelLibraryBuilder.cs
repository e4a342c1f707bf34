using Quasar.HwGen.Vitis.Projects;

namespace Quasar.HwGen.Vitis.Csim;

/// <summary>
/// Builds a generated project's kernel (<c>src/*.cpp</c>, no testbench) into a shared library with g++, so the host can
/// call <c>quasar_gemm</c> in process (<see cref="CompiledKernelEngine"/>): the same sources csim compiles.
/// </summary>
public sealed class KernelLibraryBuilder(string compiler, GxxCsimOptions options)
{
    public const string LibraryName = "libquasar_gemm.so";

    /// <summary>
    /// Keeps two loaded kernels apart. The engine's buffers are static locals of an inline template, which g++ makes
    /// STB_GNU_UNIQUE objects that the dynamic loader shares between every library defining them, so a second kernel
    /// (another configuration) would use the first one's smaller buffers; -Bsymbolic binds the library's own calls to its
    /// own copies of the template code.
    /// </summary>
    public static IReadOnlyList<string> IsolationFlags { get; } = ["-fno-gnu-unique", "-Wl,-Bsymbolic"];

    /// <summary>Compiles and returns the library's full path; compile errors throw <see cref="CompilationFailedException"/>.</summary>
    public async Task<string> BuildAsync(HlsProject project, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(options);
        var output = $"{options.BuildDirectory.TrimEnd('/')}/{LibraryName}";
        string[] arguments = [.. options.Flags, .. options.ExtraFlags, .. IsolationFlags, "-fPIC", "-shared", "-I", HlsProject.IncludeDirectory,
            .. project.KernelSources.Select(project.Relative), "-o", output];
        var (library, _) = await GxxBuild.RunAsync(compiler, project, arguments, output, $"the kernel library of {project.Root}",
            options.DiagnosticLines, progress, cancellation).ConfigureAwait(false);
        return library;
    }
}
