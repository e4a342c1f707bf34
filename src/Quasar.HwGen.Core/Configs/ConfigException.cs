namespace Quasar.HwGen.Core.Configs;

/// <summary>
/// A configuration that cannot be used: malformed YAML, an unknown or missing key, a value of the wrong type, or a
/// value outside what the project supports. The message holds one line per <see cref="ConfigIssue"/>.
/// </summary>
public sealed class ConfigException : Exception
{
    public ConfigException(IReadOnlyList<ConfigIssue> issues)
        : base(Format(issues))
    {
        Issues = issues;
    }

    public IReadOnlyList<ConfigIssue> Issues { get; }

    /// <summary>The file the configuration came from, when it came from one.</summary>
    public string? FilePath => Issues[0].FilePath;

    private static string Format(IReadOnlyList<ConfigIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        if (issues.Count == 0) throw new ArgumentException("a configuration error needs at least one issue", nameof(issues));
        return string.Join("\n", issues);
    }
}
