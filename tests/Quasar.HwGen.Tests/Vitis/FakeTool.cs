namespace Quasar.HwGen.Tests.Vitis;

/// <summary>
/// A real executable standing in for a Vitis tool: a shell script that records its arguments and working directory
/// next to itself (name.args, one per line; name.cwd) and then runs the given body (printing a log, exiting).
/// </summary>
internal static class FakeTool
{
    public static string Write(string directory, string name, string body)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        var script = "#!/bin/sh\n"
            + $"printf '%s\\n' \"$@\" > \"{path}.args\"\n"
            + $"pwd > \"{path}.cwd\"\n"
            + body.Replace("\r", "", StringComparison.Ordinal) + "\n";
        File.WriteAllText(path, script);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>The arguments the fake was last run with.</summary>
    public static string[] Arguments(string path) => File.ReadAllLines(path + ".args");

    public static string WorkingDirectory(string path) => File.ReadAllText(path + ".cwd").Trim();

    /// <summary>A shell body that prints <paramref name="log"/> verbatim and exits with <paramref name="exitCode"/>.</summary>
    public static string Printing(string log, int exitCode) =>
        "cat <<'QUASAR_FAKE_LOG'\n" + log.TrimEnd('\n') + "\nQUASAR_FAKE_LOG\nexit " + exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A shell body that copies the real report <paramref name="fixture"/> (under the fixtures' vitis-reports) to
    /// <paramref name="target"/> (relative to the working directory), renaming its top function to the project's, as
    /// the tool would write it; then runs <paramref name="then"/>.
    /// </summary>
    public static string WritingReport(string fixture, string target, string then, string from = "gaussian") =>
        $"mkdir -p \"$(dirname '{target}')\"\n"
        + $"sed 's/<TopModelName>{from}</<TopModelName>quasar_gemm</' '{Path.Combine(TestPaths.VitisReports, fixture)}' > '{target}'\n"
        + then;
}
