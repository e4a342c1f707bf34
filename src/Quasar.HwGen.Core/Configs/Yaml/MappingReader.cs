using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Quasar.HwGen.Core.Configs.Yaml;

/// <summary>
/// Reads the keys of one YAML mapping into typed values. Every problem (missing key, wrong type) is reported with
/// the field path and the YAML position and reading goes on with a placeholder value, so one pass reports them all;
/// <see cref="RejectUnknownKeys"/> then reports every key that no read asked for.
/// </summary>
internal sealed class MappingReader
{
    private const string Integer = "an integer";
    private const string Number = "a number";
    private const string Text = "a string";

    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _known = [];
    private readonly ReadContext _context;
    private readonly Mark _anchor;
    private readonly bool _placeholder;

    private MappingReader(YamlMappingNode node, string path, ReadContext context, Mark anchor, bool placeholder)
    {
        Path = path;
        _context = context;
        _anchor = anchor;
        _placeholder = placeholder;
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode { Value: { } name } scalar) _entries[name] = (scalar, value);
            else context.Report(path, key.Start, $"a key must be a plain name, found {Describe(key)}");
        }
    }

    public string Path { get; }

    public static MappingReader Root(YamlMappingNode node, ReadContext context)
    {
        ArgumentNullException.ThrowIfNull(node);
        context.Record("", node.Start);
        return new MappingReader(node, "", context, node.Start, placeholder: false);
    }

    public int Int(string key) => Take(key, Integer) is { } node ? ReadInt(node, Field(key)) : 0;

    public double Double(string key) => Take(key, Number) is { } node ? ReadDouble(node, Field(key)) : 0;

    public string String(string key) => Take(key, Text) is { } node ? ReadString(node, Field(key)) : "";

    /// <summary>A file or folder path: a string that is not blank (a quoted "" would name the folder it is relative to).</summary>
    public string PathString(string key) => Take(key, Text) is { } node ? ReadPath(node, Field(key)) : "";

    public ValueList<string> PathList(string key) => List(key, "strings", ReadPath);

    /// <summary>A number that may be left out (null then).</summary>
    public double? OptionalDouble(string key)
    {
        if (_placeholder || _entries.ContainsKey(key)) return Double(key);
        _known.Add(key);
        return null;
    }

    /// <summary>Whether the optional <paramref name="key"/> is given; either way it counts as a known key.</summary>
    public bool Has(string key)
    {
        _known.Add(key);
        return !_placeholder && _entries.ContainsKey(key);
    }

    /// <summary>Whether <paramref name="key"/> holds a list of nothing (`[]`), which reads like a key left out.</summary>
    public bool IsEmptyList(string key) =>
        !_placeholder && _entries.TryGetValue(key, out var entry) && entry.Value is YamlSequenceNode { Children.Count: 0 };

    /// <summary>Where <paramref name="key"/>'s value is, for issues found after reading it.</summary>
    public void Report(string key, string problem) =>
        _context.Report(Field(key), _entries.TryGetValue(key, out var entry) ? entry.Value.Start : _anchor, problem);

    public ValueList<int> IntList(string key) => List(key, "integers", ReadInt);

    public ValueList<double> DoubleList(string key) => List(key, "numbers", ReadDouble);

    public ValueList<string> StringList(string key) => List(key, "strings", ReadString);

    public MappingReader Mapping(string key)
    {
        var node = Take(key, "a mapping");
        if (node is YamlMappingNode mapping) return new MappingReader(mapping, Field(key), _context, _entries[key].Key.Start, placeholder: false);
        if (node is not null) _context.Report(Field(key), node.Start, $"expected a mapping of keys to values, found {Describe(node)}");
        return Placeholder(Field(key));
    }

    public IReadOnlyList<MappingReader> MappingList(string key)
    {
        var node = Take(key, "a list of mappings");
        if (node is null) return [];
        if (node is not YamlSequenceNode sequence)
        {
            _context.Report(Field(key), node.Start, $"expected a list, found {Describe(node)}");
            return [];
        }
        var readers = new List<MappingReader>();
        for (int i = 0; i < sequence.Children.Count; i++)
        {
            var path = ConfigPath.Element(Field(key), i);
            var element = sequence.Children[i];
            _context.Record(path, element.Start);
            if (element is YamlMappingNode mapping)
            {
                readers.Add(new MappingReader(mapping, path, _context, element.Start, placeholder: false));
            }
            else
            {
                _context.Report(path, element.Start, $"expected a mapping of keys to values, found {Describe(element)}");
                readers.Add(Placeholder(path));
            }
        }
        return readers;
    }

    /// <summary>Reports each key of this mapping that no read asked for; a typo must not be silently ignored.</summary>
    public void RejectUnknownKeys()
    {
        if (_placeholder) return;
        foreach (var (name, (key, _)) in _entries)
        {
            if (_known.Contains(name)) continue;
            var suggestion = Closest(name, _known) is { } closest ? $" (did you mean '{closest}'?)" : "";
            _context.Report(Field(name), key.Start, $"unknown key '{name}'{suggestion}; allowed keys: {string.Join(", ", _known)}");
        }
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        YamlScalarNode scalar when IsNull(scalar) => "no value",
        YamlScalarNode scalar when scalar.Style is not ScalarStyle.Plain => $"the quoted string \"{scalar.Value}\"",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        _ => "an alias",
    };

    private string Field(string key) => ConfigPath.Child(Path, key);

    private MappingReader Placeholder(string path) => new(new YamlMappingNode(), path, _context, _anchor, placeholder: true);

    private YamlNode? Take(string key, string expected)
    {
        _known.Add(key);
        if (_placeholder) return null;
        if (!_entries.TryGetValue(key, out var entry))
        {
            _context.Report(Field(key), _anchor, $"required key '{key}' is missing (expected {expected})");
            return null;
        }
        _context.Record(Field(key), entry.Value.Start);
        return entry.Value;
    }

    private ValueList<T> List<T>(string key, string elements, Func<YamlNode, string, T> read)
    {
        var node = Take(key, $"a list of {elements}");
        if (node is null) return [];
        if (node is not YamlSequenceNode sequence)
        {
            var hint = node is YamlScalarNode scalar && !IsNull(scalar) ? $"; write [{scalar.Value}] for a list of one" : "";
            _context.Report(Field(key), node.Start, $"expected a list of {elements}, found {Describe(node)}{hint}");
            return [];
        }
        var values = new T[sequence.Children.Count];
        for (int i = 0; i < values.Length; i++)
        {
            var path = ConfigPath.Element(Field(key), i);
            _context.Record(path, sequence.Children[i].Start);
            values[i] = read(sequence.Children[i], path);
        }
        return ValueList.Create<T>(values);
    }

    private int ReadInt(YamlNode node, string path)
    {
        if (PlainScalar(node) is { } text && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        _context.Report(path, node.Start, $"expected {Integer}, found {Describe(node)}");
        return 0;
    }

    private double ReadDouble(YamlNode node, string path)
    {
        if (PlainScalar(node) is { } text
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value))
        {
            return value;
        }
        _context.Report(path, node.Start, $"expected {Number}, found {Describe(node)}");
        return 0;
    }

    private string ReadString(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } text } scalar && !IsNull(scalar)) return text;
        _context.Report(path, node.Start, $"expected {Text}, found {Describe(node)}");
        return "";
    }

    private string ReadPath(YamlNode node, string path)
    {
        var text = ReadString(node, path);
        if (node is YamlScalarNode scalar && !IsNull(scalar) && string.IsNullOrWhiteSpace(text))
            _context.Report(path, node.Start, "an empty path names no file; give a path (relative to this file)");
        return text;
    }

    /// <summary>The text of an unquoted scalar that is not null; numbers in quotes are strings, not numbers.</summary>
    private static string? PlainScalar(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text } scalar && !IsNull(scalar) ? text : null;

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>The allowed key nearest to a misspelt one (at most 2 edits, or a third of its length), if any.</summary>
    private static string? Closest(string name, IEnumerable<string> candidates) =>
        candidates
            .Select(candidate => (candidate, distance: EditDistance(name, candidate)))
            .Where(c => c.distance <= Math.Max(2, c.candidate.Length / 3))
            .OrderBy(c => c.distance)
            .Select(c => c.candidate)
            .FirstOrDefault();

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
