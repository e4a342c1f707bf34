namespace Quasar.HwGen.Cli.Errors;

/// <summary>
/// What `quasar` returns, one code per kind of outcome, so scripts and CI can tell a wrong design from a wrong
/// command line. Documented in the README ("Exit codes"); a test pins every value.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The run finished, but what it checks does not hold: lint findings, a csim or bit-exactness mismatch.</summary>
    public const int CheckFailed = 1;

    /// <summary>The command line is wrong: unknown verb or option, a value out of range, options that exclude each other.</summary>
    public const int Usage = 2;

    /// <summary>An input is wrong: a missing or malformed file, config, package, checkpoint or dataset; a design that does not fit.</summary>
    public const int BadInput = 3;

    /// <summary>An external tool (g++, Vitis) is missing, failed, or reported failure.</summary>
    public const int ToolFailed = 4;

    /// <summary>A bug in quasar: an unexpected exception. `--verbose` prints its stack trace.</summary>
    public const int Internal = 70;

    /// <summary>Stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
