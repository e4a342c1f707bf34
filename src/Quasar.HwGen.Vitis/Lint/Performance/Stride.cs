namespace Quasar.HwGen.Vitis.Lint.Performance;

/// <summary>Finds a loop variable multiplied by a run-time value in an index expression, expanding const locals and
/// single-return helper functions (element_index(base, i, stride, ...)) so the multiplication is seen where it is.</summary>
internal static class Stride
{
    private static readonly HashSet<string> Boundaries = new(StringComparer.Ordinal)
    {
        "+", "-", ",", ";", "?", ":", "=", "==", "!=", "<", ">", "<=", ">=", "&&", "||", "|", "&", "^", "<<", ">>",
    };

    public static string? Find(KernelSource kernel, CppFunction function, int start, int end, IReadOnlySet<string> loopVariables)
    {
        var unit = kernel.Unit;
        var text = Expand(kernel, function, unit.Tokens.Skip(start).Take(end - start).Select(t => t.Text).ToList(), null, 0);
        for (int k = 1; k < text.Count - 1; k++)
        {
            if (text[k] != "*" || !(IsOperand(text[k - 1]))) continue;
            var left = Term(text, k - 1, -1);
            left.Reverse();
            var right = Term(text, k + 1, +1);
            foreach (var (a, b) in new[] { (left, right), (right, left) })
            {
                if (!a.Any(loopVariables.Contains)) continue;
                var runtime = b.Where(n => IsName(n) && !unit.IsCompileTime(n) && !loopVariables.Contains(n)).Distinct().ToList();
                if (runtime.Count > 0) return $"{string.Join(" ", a)} × {string.Join(", ", runtime)}";
            }
        }
        return null;
    }

    private static bool IsName(string s) => s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_');

    private static bool IsOperand(string s) => IsName(s) || char.IsDigit(s[0]) || s is ")" or "]";

    private static List<string> Term(List<string> text, int from, int step)
    {
        var term = new List<string>();
        int depth = 0;
        for (int i = from; i >= 0 && i < text.Count; i += step)
        {
            var t = text[i];
            bool opens = step > 0 ? t is "(" or "[" : t is ")" or "]";
            bool closes = step > 0 ? t is ")" or "]" : t is "(" or "[";
            if (opens) depth++;
            else if (closes && --depth < 0) break;
            else if (depth == 0 && Boundaries.Contains(t) && !(step > 0 && i == from && t is "-" or "+")) break;
            term.Add(t);
        }
        return term;
    }

    /// <summary>Token texts with casts' template arguments dropped, const locals and single-return helpers substituted.</summary>
    private static List<string> Expand(KernelSource kernel, CppFunction function, List<string> text, Dictionary<string, List<string>>? parameters, int depth)
    {
        var unit = kernel.Unit;
        var result = new List<string>();
        for (int i = 0; i < text.Count; i++)
        {
            var t = text[i];
            if (parameters is not null && parameters.TryGetValue(t, out var argument) && (i == 0 || text[i - 1] is not ("." or "->" or "::")))
            {
                result.Add("("); result.AddRange(argument); result.Add(")");
                continue;
            }
            if (i + 1 < text.Count && text[i + 1] == "<" && unit.IsCompileTime(t))
            {
                int angle = 0, j = i + 1;
                for (; j < text.Count; j++) { angle += text[j] == "<" ? 1 : text[j] == ">" ? -1 : text[j] == ">>" ? -2 : 0; if (angle <= 0) break; }
                result.Add(t);
                i = j;
                continue;
            }
            if (depth < 4 && i + 1 < text.Count && text[i + 1] == "(" && Helper(unit, t) is { } helper)
            {
                int close = i + 1, level = 0;
                var arguments = new List<List<string>> { new() };
                for (; close < text.Count; close++)
                {
                    var a = text[close];
                    if (a is "(" or "[") { if (level++ == 0) continue; }
                    else if (a is ")" or "]") { if (--level == 0) break; }
                    else if (a == "," && level == 1) { arguments.Add([]); continue; }
                    arguments[^1].Add(a);
                }
                var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                for (int p = 0; p < helper.Parameters.Count && p < arguments.Count; p++) map[helper.Parameters[p].Name] = arguments[p];
                var body = helper.Body.Statements.OfType<CppSimple>().Single();
                var expression = unit.Tokens.Skip(body.Start + 1).Take(body.End - body.Start - 2).Select(x => x.Text).ToList();
                result.Add("("); result.AddRange(Expand(kernel, helper, expression, map, depth + 1)); result.Add(")");
                i = close;
                continue;
            }
            result.Add(t);
        }
        return result;
    }

    /// <summary>A function whose body is a single return statement (pragmas aside).</summary>
    private static CppFunction? Helper(CppTranslationUnit unit, string name)
    {
        var candidates = unit.Named(name).ToList();
        if (candidates.Count != 1) return null;
        var statements = candidates[0].Body.Statements.Where(s => s is not CppPragma).ToList();
        return statements is [CppSimple simple] && unit.Tokens[simple.Start].Is("return") && unit.Tokens[simple.End - 1].Is(";") ? candidates[0] : null;
    }
}
