using YamlDotNet.Core;

namespace Quasar.HwGen.Core.Configs.Yaml;

/// <summary>
/// The state of reading one file: its name, the issues found so far, and where each field's value starts, so that
/// issues found later on the typed record (by its validation rules, which know nothing of YAML) still get a line.
/// </summary>
internal sealed class ReadContext(string source)
{
    private readonly List<ConfigIssue> _issues = [];
    private readonly Dictionary<string, Mark> _locations = new(StringComparer.Ordinal);

    public string Source { get; } = source;

    public static ConfigIssue At(ConfigIssue issue, string source, Mark mark) =>
        issue with { FilePath = source, Line = checked((int)mark.Line), Column = checked((int)mark.Column) };

    public bool HasIssues => _issues.Count > 0;

    public void Record(string path, Mark start) => _locations[path] = start;

    public void Report(string path, Mark mark, string problem) => _issues.Add(At(new ConfigIssue(path, problem), Source, mark));

    /// <summary>Adds an issue found on a value already read, at its field's position.</summary>
    public void Add(ConfigIssue issue) => _issues.Add(Locate(issue));

    /// <summary>Gives an issue from a validation rule the position of its field, or of the nearest enclosing field.</summary>
    public ConfigIssue Locate(ConfigIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        for (var path = issue.Field; ; path = ConfigPath.Parent(path))
        {
            if (_locations.TryGetValue(path, out var mark)) return At(issue, Source, mark);
            if (path.Length == 0) return issue with { FilePath = Source };
        }
    }

    /// <summary>Throws every issue reported so far, in the order they appear in the file.</summary>
    public void ThrowIfAny()
    {
        if (_issues.Count > 0) throw Sorted(_issues);
    }

    public static ConfigException Sorted(IEnumerable<ConfigIssue> issues) =>
        new([.. issues.OrderBy(i => i.Line).ThenBy(i => i.Column)]);
}
