using Quasar.HwGen.Vitis.Processes;
using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Vitis.Vpp;

/// <summary>
/// Runs <c>v++ -l</c> and <c>v++ -p</c> for a generated project, from its directory (so command lines carry relative
/// paths, as the Makefile's do), streaming the log, and gated on exit code, log and output (<see cref="VppLogGate"/>).
/// A stale output of an earlier run is removed first, so that only this run's output can pass the gate.
/// </summary>
public sealed class VppRunner(Toolset tools, VppOptions options)
{
    public VppOptions Options { get; } = options;

    /// <summary>Links <paramref name="kernelObject"/> into <see cref="BuildLayout.Xclbin"/> with the link-only <paramref name="linkConfig"/>.</summary>
    public async Task<VppStepResult> LinkAsync(string projectRoot, string kernelObject, string linkConfig, IProgress<string>? progress = null,
        CancellationToken cancellation = default)
    {
        var layout = new BuildLayout(projectRoot, Options.Target);
        string[] arguments = ["-l", .. Common(), "--config", Relative(projectRoot, linkConfig), "-o", Relative(projectRoot, layout.Xclbin), Relative(projectRoot, kernelObject)];
        // The engine record of an earlier link must not be paired with this one's xclbin.
        if (File.Exists(layout.EngineRecord)) File.Delete(layout.EngineRecord);
        var started = DateTime.UtcNow.AddSeconds(-2); // file times are coarser than the clock on some file systems
        var result = await RunAsync(VppStep.Link, projectRoot, arguments, layout.Xclbin, progress, cancellation).ConfigureAwait(false);
        // A clean log is not enough: the routed design must meet timing and fit the part.
        var reports = LinkReportGate.Check(projectRoot, started);
        if (reports.Problems.Count > 0)
        {
            File.Delete(layout.Xclbin);
            var evidence = VppLogGate.Evidence(result.Lines);
            throw new VppStepFailedException(VppStep.Link, Options.Target, result.Command, 0, reports.Problems,
                evidence.Count > 0 ? evidence.Take(Options.ExcerptLines).ToArray() : []);
        }
        return result with { Implementation = reports };
    }

    /// <summary>
    /// Packages the SD card image (<see cref="BuildLayout.SdCardImage"/>) from the platform's common image
    /// (<paramref name="rootfs"/> and the kernel <paramref name="image"/>), the xclbin and the card's further files and folders.
    /// </summary>
    public Task<VppStepResult> PackageAsync(string projectRoot, string rootfs, string image, IReadOnlyList<string> sdFiles,
        IReadOnlyList<string> sdFolders, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(sdFiles);
        ArgumentNullException.ThrowIfNull(sdFolders);
        var layout = new BuildLayout(projectRoot, Options.Target);
        string[] arguments =
        [
            "-p", .. Common(), Relative(projectRoot, layout.Xclbin), "--package.out_dir", Relative(projectRoot, layout.PackageFolder),
            "--package.rootfs", rootfs, "--package.kernel_image", image,
            .. sdFiles.SelectMany(f => new[] { "--package.sd_file", Relative(projectRoot, f) }),
            .. sdFolders.SelectMany(d => new[] { "--package.sd_dir", Relative(projectRoot, d) }),
        ];
        return RunAsync(VppStep.Package, projectRoot, arguments, layout.SdCardImage, progress, cancellation);
    }

    private string[] Common() => ["-t", Options.Target, "--platform", Options.Platform];

    private async Task<VppStepResult> RunAsync(VppStep step, string projectRoot, string[] arguments, string output, IProgress<string>? progress,
        CancellationToken cancellation)
    {
        Options.Validate();
        var executable = tools.Require(ToolNames.Vpp);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        if (File.Exists(output)) File.Delete(output);
        var run = await ToolRunner.RunAsync(executable, arguments, projectRoot, progress is null ? null : progress.Report, Options.Timeout, cancellation)
            .ConfigureAwait(false);
        var problems = VppLogGate.Problems(run.ExitCode, run.Lines, output);
        if (problems.Count > 0)
        {
            // A failed step's output must not look usable to the next step (package would ship a failed xclbin).
            if (File.Exists(output)) File.Delete(output);
            var evidence = VppLogGate.Evidence(run.Lines);
            throw new VppStepFailedException(step, Options.Target, run.Command, run.ExitCode, problems,
                evidence.Count > 0 ? evidence.Take(Options.ExcerptLines).ToArray() : run.Tail(Options.ExcerptLines));
        }
        return new VppStepResult(step, run.Command, run.Lines, run.Duration, output);
    }

    /// <summary>A path inside the project relative to it (as the Makefile writes them); others as given.</summary>
    private static string Relative(string root, string path) =>
        Path.IsPathRooted(path) && path.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? Path.GetRelativePath(root, path).Replace('\\', '/') : path;
}
