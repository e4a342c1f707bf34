namespace Quasar.Runtime.App;

/// <summary>
/// What `quasar-run` returns: the codes of `quasar` (README, "Errors and exit codes"), of which it uses these.
/// It cannot share the Cli's class: that project brings TorchSharp, which has no linux-arm64 build here.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command line is wrong: an unknown option, a value out of range, options that exclude each other.</summary>
    public const int Usage = 2;

    /// <summary>An input is wrong: a missing or corrupt IR package, a missing or malformed IDX file, images of another size.</summary>
    public const int BadInput = 3;

    /// <summary>The device failed: XRT (or the sw-emu library) refused a call, a kernel run failed or hung.</summary>
    public const int Device = 4;

    /// <summary>Ctrl-C or SIGTERM stopped the run between images.</summary>
    public const int Interrupted = 130;

    /// <summary>A bug: an unexpected exception. `--verbose` prints its stack trace.</summary>
    public const int Internal = 70;
}
