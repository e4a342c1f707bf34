using System.Runtime.InteropServices;

namespace Quasar.HwGen.Cli.Errors;

/// <summary>
/// The installed quasar tool carries TorchSharp but not libtorch (600 MB; docs/install.md), so the verbs that build
/// the float model (train, evaluate, search, average, ablation, demo, lower --checkpoint) cannot run there until
/// libtorch is on the library path. That is a missing tool, said in one line with the fix, not an internal error.
/// </summary>
internal sealed class LibTorchMissingException(string message) : Exception(message)
{
    public const string ToolMessage =
        "this needs libtorch 2.10 (CPU), which the quasar tool does not carry: put the folder of libtorch.so on LD_LIBRARY_PATH "
        + "(docs/install.md says where to get it), or run quasar from a source build (./build.sh)";

    public LibTorchMissingException()
        : this(ToolMessage)
    {
    }

    /// <summary>
    /// Checks before anything touches TorchSharp: its own fallback would copy libtorch out of a NuGet cache into the
    /// program's folder, outside any output directory.
    /// </summary>
    public static void ThrowUnlessLoadable()
    {
        if (NativeLibrary.TryLoad("LibTorchSharp", typeof(TorchSharp.torch).Assembly, null, out _)) return;
        // A source build carries libtorch; there the loader refuses LibTorchSharp itself (README, Troubleshooting).
        var native = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native");
        throw File.Exists(Path.Combine(native, "libtorch.so"))
            ? new LibTorchMissingException($"libtorch is in {native} but LibTorchSharp does not load: see the README, Troubleshooting, \"TorchSharp\"")
            : new LibTorchMissingException();
    }

    /// <summary>True for this exception, and for both ways TorchSharp itself fails without libtorch (a safety net).</summary>
    public static bool Is(Exception e) => e switch
    {
        LibTorchMissingException => true,
        DllNotFoundException => e.Message.Contains("LibTorchSharp", StringComparison.Ordinal),
        NotSupportedException => e.Source == "TorchSharp" && e.Message.Contains("libtorch", StringComparison.Ordinal),
        _ => false,
    };
}
