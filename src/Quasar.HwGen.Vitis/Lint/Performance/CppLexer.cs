using System.Text.RegularExpressions;

namespace Quasar.HwGen.Vitis.Lint.Performance;

/// <summary>
/// Splits the output of <c>g++ -E</c> into tokens. Line markers (<c># 12 "include/quasar/x.h"</c>) give every token its
/// file and line; tokens from outside the project (system headers, absolute paths) and from the stand-ins of vendor
/// headers (<c>ap_*.h</c>, <c>hls_*.h</c>: Vitis uses its own) are dropped, which keeps braces balanced since every
/// header is. <c>#pragma</c> lines, which the preprocessor keeps, become one token each.
/// </summary>
public static partial class CppLexer
{
    public static IReadOnlyList<CppToken> Tokenize(IEnumerable<string> preprocessedLines)
    {
        ArgumentNullException.ThrowIfNull(preprocessedLines);
        var tokens = new List<CppToken>();
        string file = "";
        int line = 0;
        bool keep = false;
        foreach (var raw in preprocessedLines)
        {
            line++;
            var text = raw.TrimStart();
            if (LineMarker().Match(text) is { Success: true } marker)
            {
                line = int.Parse(marker.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1;
                file = marker.Groups[2].Value;
                keep = IsProjectFile(file);
                continue;
            }
            if (!keep) continue;
            if (text.StartsWith("#pragma", StringComparison.Ordinal))
            {
                tokens.Add(new CppToken(CppTokenKind.Pragma, text["#pragma".Length..].Trim(), file, line));
                continue;
            }
            if (text.StartsWith('#')) continue;
            foreach (Match m in Token().Matches(raw))
            {
                var kind = m.Groups["id"].Success ? CppTokenKind.Identifier
                    : m.Groups["num"].Success ? CppTokenKind.Number
                    : m.Groups["lit"].Success ? CppTokenKind.Literal
                    : CppTokenKind.Punctuator;
                tokens.Add(new CppToken(kind, m.Value, file, line));
            }
        }
        return tokens;
    }

    /// <summary>A file of the project (relative path) that is not a stand-in for a Vitis header.</summary>
    public static bool IsProjectFile(string file)
    {
        if (file.Length == 0 || file.StartsWith('/') || file.StartsWith('<') || Path.IsPathRooted(file)) return false;
        var name = Path.GetFileName(file);
        return !(name.StartsWith("ap_", StringComparison.Ordinal) || name.StartsWith("hls_", StringComparison.Ordinal));
    }

    [GeneratedRegex("""^#\s*(?:line\s+)?(\d+)\s+"([^"]*)"(?:\s+\d+)*\s*$""")]
    private static partial Regex LineMarker();

    [GeneratedRegex("""(?<id>[A-Za-z_]\w*)|(?<num>\.?\d(?:[\w.']|[eEpP][+-])*)|(?<lit>"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')|(?<op><<=|>>=|->\*|\.\.\.|::|->|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^]=|\S)""")]
    private static partial Regex Token();
}
