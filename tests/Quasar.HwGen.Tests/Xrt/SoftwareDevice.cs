using System.Runtime.InteropServices;
using Quasar.HwGen.Core;
using Quasar.HwGen.Tests.RuntimeApp;

namespace Quasar.HwGen.Tests.Xrt;

/// <summary>
/// The sw-emu XRT library (host-runtime/native/xrt-swemu), built with cmake once per test run into
/// artifacts/native/ (an up-to-date build is a no-op), and its fake kernel for tests of the XRT layer alone.
/// </summary>
internal static class SoftwareDevice
{
    private static readonly Lazy<string> Build = new(BuildOnce);

    /// <summary>The directory holding libquasar_xrt_swemu.so and the test kernel.</summary>
    public static string Directory => Build.Value;

    public static string Library => Path.Combine(Directory, "libquasar_xrt_swemu.so");

    /// <summary>The fake kernel of the native tests: copies a → out0 and w → out1 (batches words each), status = flags.</summary>
    public static string FakeKernel => Path.Combine(Directory, "tests", "libfake_kernel.so");

    private static string BuildOnce()
    {
        var source = Path.Combine(RepositoryLayout.Root, "host-runtime", "native", "xrt-swemu");
        var build = Path.Combine(RepositoryLayout.Root, "artifacts", "native", "xrt-swemu", RuntimeInformation.RuntimeIdentifier);
        Run("cmake", "-S", source, "-B", build, "-DCMAKE_BUILD_TYPE=Release");
        Run("cmake", "--build", build, "--parallel", "2");
        return build;
    }

    private static void Run(string tool, params string[] arguments)
    {
        var run = ChildProcess.Run(tool, arguments, TimeSpan.FromMinutes(5));
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed ({run.ExitCode}):\n{run.Out}\n{run.Error}");
    }
}
