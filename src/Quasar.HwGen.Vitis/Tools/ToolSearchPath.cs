namespace Quasar.HwGen.Vitis.Tools;

/// <summary>
/// Where tools are looked for, in order: the PATH entries, then <c>$XILINX_VITIS/bin</c> and <c>$XILINX_HLS/bin</c>
/// (set by Vitis' settings64.sh, which also puts them on PATH; a shell that only exported the variables still works).
/// Immutable: built from an environment lookup so that tests can pass their own.
/// </summary>
public sealed class ToolSearchPath
{
    private ToolSearchPath(IReadOnlyList<string> directories) => Directories = directories;

    /// <summary>The directories searched, first match wins.</summary>
    public IReadOnlyList<string> Directories { get; }

    public static ToolSearchPath FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    public static ToolSearchPath FromEnvironment(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var directories = (variable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var root in new[] { "XILINX_VITIS", "XILINX_HLS" })
        {
            if (variable(root) is { Length: > 0 } value) directories.Add(Path.Combine(value, "bin"));
        }
        return new ToolSearchPath(directories.Distinct(StringComparer.Ordinal).ToArray());
    }

    public static ToolSearchPath Of(params string[] directories) => new([.. directories]);

    /// <summary>The full path of the first executable file named <paramref name="tool"/>, or null.</summary>
    public string? Find(string tool)
    {
        ArgumentException.ThrowIfNullOrEmpty(tool);
        foreach (var directory in Directories)
        {
            var candidate = Path.Combine(directory, tool);
            if (File.Exists(candidate) && IsExecutable(candidate)) return Path.GetFullPath(candidate);
        }
        return null;
    }

    /// <summary>Like <see cref="Find"/>, but a missing tool is a <see cref="ToolNotFoundException"/>.</summary>
    public string Require(string tool) => Find(tool) ?? throw new ToolNotFoundException(tool, Directories, ToolNames.Fix(tool));

    private static bool IsExecutable(string path) =>
        OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
