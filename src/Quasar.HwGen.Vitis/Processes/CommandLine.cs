namespace Quasar.HwGen.Vitis.Processes;

/// <summary>Spells a command as it could be pasted into a POSIX shell (for messages, never executed through a shell).</summary>
public static class CommandLine
{
    public static string Format(string executable, IEnumerable<string> arguments) =>
        string.Join(' ', new[] { executable }.Concat(arguments).Select(Quote));

    public static string Quote(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        if (argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=+:,@%".Contains(c))) return argument;
        return "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
