namespace Quasar.HwGen.Tests.RuntimeApp;

/// <summary>What a `quasar-run` run left: its exit code and everything it printed.</summary>
internal sealed record AppRun(int ExitCode, string Out, string Error)
{
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A .NET stack frame: what a user must never see without --verbose.</summary>
    public bool ShowsStackTrace => Error.Contains("\n   at ", StringComparison.Ordinal) || Error.Contains("Unhandled exception", StringComparison.Ordinal);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
