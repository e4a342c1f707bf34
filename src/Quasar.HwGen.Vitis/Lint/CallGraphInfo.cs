using System.Text.RegularExpressions;

namespace Quasar.HwGen.Vitis.Lint;

/// <summary>
/// Reads the VCG call graph g++ (10 or newer) writes with <c>-fcallgraph-info</c>: functions defined in the object,
/// with their source location, and call edges with the call site. It sees calls the relocations cannot (a static
/// function calling itself needs no relocation).
/// </summary>
public sealed partial class CallGraphInfo
{
    private CallGraphInfo(IReadOnlyDictionary<string, string?> defined, IReadOnlyList<SymbolReference> calls)
    {
        Defined = defined;
        Calls = calls;
    }

    /// <summary>Functions defined in the object (mangled) and their file:line:col.</summary>
    public IReadOnlyDictionary<string, string?> Defined { get; }

    public IReadOnlyList<SymbolReference> Calls { get; }

    public static CallGraphInfo Empty { get; } = new(new Dictionary<string, string?>(), []);

    public static CallGraphInfo Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var defined = new Dictionary<string, string?>(StringComparer.Ordinal);
        var calls = new List<SymbolReference>();
        foreach (var line in lines)
        {
            var text = line.TrimStart();
            bool node = text.StartsWith("node:", StringComparison.Ordinal), edge = text.StartsWith("edge:", StringComparison.Ordinal);
            if (!node && !edge) continue;
            var fields = Field().Matches(text).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
            if (node && fields.TryGetValue("title", out var title) && !text.Contains("shape : ellipse", StringComparison.Ordinal))
            {
                var labelLines = fields.GetValueOrDefault("label", "").Split("\\n");
                defined[Symbol(title)] = labelLines.Length > 1 && LocationPattern().IsMatch(labelLines[1]) ? labelLines[1] : null;
            }
            else if (edge && fields.TryGetValue("sourcename", out var source) && fields.TryGetValue("targetname", out var target))
            {
                calls.Add(new SymbolReference(Symbol(source), Symbol(target), fields.GetValueOrDefault("label")));
            }
        }
        return new CallGraphInfo(defined, calls);
    }

    /// <summary>Titles of local symbols carry the file ("k.cpp:_ZL4facti"); mangled names never contain ':'.</summary>
    private static string Symbol(string title) => title[(title.LastIndexOf(':') + 1)..];

    [GeneratedRegex(@"(\w+): ""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Field();

    [GeneratedRegex(@":\d+:\d+$")]
    private static partial Regex LocationPattern();
}
