namespace Quasar.HwGen.Vitis.Tools;

/// <summary>
/// A tool could not be found, failed, or reported failure. Carries what a user needs to act: the command line, the
/// exit code and the relevant log lines (each may be absent when it does not apply).
/// </summary>
public class ToolException : Exception
{
    public ToolException(string message, string? command = null, int? exitCode = null, IReadOnlyList<string>? logExcerpt = null)
        : base(Compose(message, command, exitCode, logExcerpt ?? []))
    {
        Command = command;
        ExitCode = exitCode;
        LogExcerpt = logExcerpt ?? [];
    }

    /// <summary>The command line that ran, as it could be pasted into a shell.</summary>
    public string? Command { get; }

    public int? ExitCode { get; }

    /// <summary>The log lines that explain the failure (diagnostics, error markers), in order.</summary>
    public IReadOnlyList<string> LogExcerpt { get; }

    private static string Compose(string message, string? command, int? exitCode, IReadOnlyList<string> excerpt)
    {
        var text = new System.Text.StringBuilder(message);
        if (command is not null) text.Append("\n  command: ").Append(command);
        if (exitCode is { } code) text.Append("\n  exit code: ").Append(code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (excerpt.Count > 0) text.Append("\n  log:\n    ").AppendJoin("\n    ", excerpt);
        return text.ToString();
    }
}
