namespace Quasar.HwGen.Vitis.Csim;

/// <summary>Picks the lines of a g++ log worth showing: from a little before the first error, up to a limit.</summary>
public static class CompilerDiagnostics
{
    private const int ContextBeforeError = 3;

    public static IReadOnlyList<string> Excerpt(IReadOnlyList<string> log, int maxLines)
    {
        ArgumentNullException.ThrowIfNull(log);
        int firstError = -1;
        for (int i = 0; i < log.Count && firstError < 0; i++)
        {
            if (IsError(log[i])) firstError = i;
        }
        int start = firstError < 0 ? 0 : Math.Max(0, firstError - ContextBeforeError);
        return log.Skip(start).Take(maxLines).ToArray();
    }

    public static IReadOnlyList<string> Warnings(IEnumerable<string> log) =>
        log.Where(line => line.Contains(" warning: ", StringComparison.Ordinal)).ToArray();

    private static bool IsError(string line) =>
        line.Contains(" error: ", StringComparison.Ordinal) || line.Contains(" fatal error: ", StringComparison.Ordinal)
        || line.Contains("undefined reference to", StringComparison.Ordinal);
}
