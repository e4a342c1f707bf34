namespace Quasar.HwGen.Vitis.Vpp;

/// <summary>
/// Decides a v++ step from its exit code, its log and its output file, never the exit code alone: v++ prints
/// <c>ERROR:</c> lines for a failed implementation run, and a crash may leave neither an error line nor an output.
/// </summary>
public static class VppLogGate
{
    /// <summary>The problems of a finished run (none: it passed).</summary>
    public static IReadOnlyList<string> Problems(int exitCode, IReadOnlyList<string> lines, string expectedOutput)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var problems = new List<string>();
        if (exitCode != 0) problems.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"v++ exited with code {exitCode}"));
        var errors = lines.Where(IsErrorMarker).ToList();
        if (errors.Count > 0) problems.Add($"the log reports {errors.Count} error line(s), the first: {errors[0].Trim()}");
        if (!File.Exists(expectedOutput)) problems.Add($"v++ wrote no {expectedOutput}");
        return problems;
    }

    public static bool IsErrorMarker(string line) => line.TrimStart().StartsWith("ERROR:", StringComparison.Ordinal);

    /// <summary>The lines that explain a failure: errors and critical warnings.</summary>
    public static IReadOnlyList<string> Evidence(IReadOnlyList<string> lines) =>
        lines.Where(l => IsErrorMarker(l) || l.TrimStart().StartsWith("CRITICAL WARNING:", StringComparison.Ordinal)).ToList();
}
