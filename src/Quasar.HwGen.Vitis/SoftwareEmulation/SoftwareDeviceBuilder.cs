using Quasar.HwGen.Vitis.Processes;
using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Vitis.SoftwareEmulation;

/// <summary>
/// Builds the sw-emu XRT library (host-runtime/native/xrt-swemu: XRT's C API over a device that runs the g++-built
/// kernel) with cmake, without its tests. An up-to-date build directory makes this a quick no-op.
/// </summary>
public sealed class SoftwareDeviceBuilder(string cmake)
{
    /// <summary>The name the runtime looks for next to a sw-emu xclbin (SoftwareEmulationXclbin.DeviceLibraryName, in a layer this one cannot reference).</summary>
    public const string LibraryName = "libquasar_xrt_swemu.so";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>Configures and builds into <paramref name="buildDirectory"/>; returns the library's full path.</summary>
    public async Task<string> BuildAsync(string sourceDirectory, string buildDirectory, SoftwareDeviceTarget target,
        Action<string>? onLine = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(buildDirectory);
        if (!File.Exists(Path.Combine(sourceDirectory, "CMakeLists.txt")))
            throw new DirectoryNotFoundException($"{sourceDirectory}: the sw-emu device's sources (CMakeLists.txt) are missing; run quasar from a complete checkout");
        List<string> configure = ["-S", sourceDirectory, "-B", buildDirectory, "-DCMAKE_BUILD_TYPE=Release", "-DQUASAR_SWEMU_TESTS=OFF"];
        if (SoftwareDeviceTargets.ToolchainFile(target) is { } toolchain) configure.Add("-DCMAKE_TOOLCHAIN_FILE=" + Path.Combine(sourceDirectory, toolchain));
        await RunAsync(configure, sourceDirectory, "configure", onLine, cancellation).ConfigureAwait(false);
        await RunAsync(["--build", buildDirectory, "--parallel", "2", "--target", "quasar_xrt_swemu"], sourceDirectory, "build", onLine, cancellation)
            .ConfigureAwait(false);
        var library = Path.GetFullPath(Path.Combine(buildDirectory, LibraryName));
        if (!File.Exists(library)) throw new ToolException($"cmake built no {LibraryName} in {buildDirectory}");
        return library;
    }

    private async Task RunAsync(IReadOnlyList<string> arguments, string workingDirectory, string step, Action<string>? onLine, CancellationToken cancellation)
    {
        var run = await ToolRunner.RunAsync(cmake, arguments, workingDirectory, onLine, Timeout, cancellation, ToolRunner.CLocale).ConfigureAwait(false);
        if (run.ExitCode != 0)
        {
            throw new ToolException($"cmake could not {step} the sw-emu device (is the compiler installed? the native build needs cmake and a C++17 g++)",
                run.Command, run.ExitCode, run.Lines.TakeLast(ToolRunner.TimeoutExcerptLines).ToArray());
        }
    }
}
