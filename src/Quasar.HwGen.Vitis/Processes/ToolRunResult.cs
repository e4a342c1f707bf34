namespace Quasar.HwGen.Vitis.Processes;

/// <summary>A finished tool run: the command line, its exit code, stdout and stderr interleaved as they arrived, wall time.</summary>
public sealed record ToolRunResult(string Command, int ExitCode, IReadOnlyList<string> Lines, TimeSpan Duration)
{
    /// <summary>
    /// The signal that ended the process, when it was killed by one: .NET reports a signalled child on Unix as exit code
    /// 128 + signal (as shells do). A program that itself exits with such a code looks the same.
    /// </summary>
    public int? Signal => !OperatingSystem.IsWindows() && ExitCode is > 128 and < 128 + 65 ? ExitCode - 128 : null;

    /// <summary>The last <paramref name="count"/> lines.</summary>
    public IReadOnlyList<string> Tail(int count) => Lines.Skip(Math.Max(0, Lines.Count - count)).ToArray();
}
