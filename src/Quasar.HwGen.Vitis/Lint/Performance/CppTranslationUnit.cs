namespace Quasar.HwGen.Vitis.Lint.Performance;

/// <summary>
/// What the performance rules know of a preprocessed kernel: its tokens, the functions defined in the project's files
/// (with their statements), the typedefs, and the names that are compile-time constants (constexpr variables and
/// functions, enumerators, template value parameters, const variables initialised from constants).
/// </summary>
public sealed class CppTranslationUnit
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "int", "long", "short", "char", "signed", "unsigned", "bool", "float", "double", "void", "auto", "const", "constexpr",
        "static", "volatile", "inline", "static_cast", "reinterpret_cast", "const_cast", "sizeof", "typename", "template",
        "struct", "class", "operator", "true", "false", "nullptr", "size_t", "int8_t", "int16_t", "int32_t", "int64_t",
        "uint8_t", "uint16_t", "uint32_t", "uint64_t", "std", "hls", "ap_int", "ap_uint", "ap_fixed", "ap_ufixed", "return",
    };

    public IReadOnlyList<CppToken> Tokens { get; }

    public IReadOnlyList<CppFunction> Functions { get; }

    /// <summary>Typedef and alias name → (first, end) token range of the aliased type, and the token naming it.</summary>
    public IReadOnlyDictionary<string, (int Start, int End, CppToken At)> Typedefs { get; }

    /// <summary>Constant name → its initialiser's token range (Start == End for a name without a known value).</summary>
    public IReadOnlyDictionary<string, (int Start, int End)> Constants { get; }

    /// <summary>Names that are neither constants nor run-time values: types, namespaces, constexpr functions.</summary>
    public IReadOnlySet<string> Neutral { get; }

    internal CppTranslationUnit(IReadOnlyList<CppToken> tokens, IReadOnlyList<CppFunction> functions,
        IReadOnlyDictionary<string, (int, int, CppToken)> typedefs, IReadOnlyDictionary<string, (int, int)> constants, IReadOnlySet<string> neutral)
    {
        Tokens = tokens;
        Functions = functions;
        Typedefs = typedefs;
        Constants = constants;
        Neutral = neutral;
    }

    public static CppTranslationUnit Parse(IReadOnlyList<CppToken> tokens) => new CppParser(tokens).Parse();

    public string Text(int start, int end) => string.Join(" ", Tokens.Skip(start).Take(end - start).Select(t => t.Text));

    public IEnumerable<CppFunction> Named(string name) => Functions.Where(f => f.Name == name);

    /// <summary>The run-time names an expression depends on (none: a compile-time constant), apart from <paramref name="except"/>.</summary>
    public IReadOnlyList<string> RuntimeNames(int start, int end, IReadOnlySet<string>? except = null)
    {
        var names = new List<string>();
        for (int i = start; i < end; i++)
        {
            var token = Tokens[i];
            if (token.Kind != CppTokenKind.Identifier || IsCompileTime(token.Text)) continue;
            if (i + 1 < end && Tokens[i + 1].Is("::")) continue;
            if (i > start && (Tokens[i - 1].Is(".") || Tokens[i - 1].Is("->"))) continue;
            if (except is not null && except.Contains(token.Text)) continue;
            if (!names.Contains(token.Text)) names.Add(token.Text);
        }
        return names;
    }

    public bool IsCompileTime(string name) => Keywords.Contains(name) || Constants.ContainsKey(name) || Neutral.Contains(name);

    /// <summary>The value of a constant integer expression, or null when a name has no known value or an operator is unsupported.</summary>
    public long? Evaluate(int start, int end, int depth = 0) => new ConstantEvaluator(this, depth).Evaluate(start, end);

    public long? ValueOf(string name, int depth = 0) =>
        depth < 16 && Constants.TryGetValue(name, out var range) && range.End > range.Start ? Evaluate(range.Start, range.End, depth + 1) : null;

    /// <summary>Index of the token closing the bracket at <paramref name="open"/> ((, [, {, or &lt; for template arguments).</summary>
    public int Close(int open)
    {
        string o = Tokens[open].Text, c = o switch { "(" => ")", "[" => "]", "{" => "}", _ => ">" };
        int depth = 0;
        for (int i = open; i < Tokens.Count; i++)
        {
            var t = Tokens[i];
            if (t.Kind == CppTokenKind.Literal || t.Kind == CppTokenKind.Pragma) continue;
            if (o == "<")
            {
                if (t.Is("<")) depth++;
                else if (t.Is(">")) depth--;
                else if (t.Is(">>")) depth -= 2;
                else if (t.Is("(")) { i = Close(i); continue; }
                else if (t.Is(";") || t.Is("{")) return i;
                if (depth <= 0) return i;
                continue;
            }
            if (t.Is(o)) depth++;
            else if (t.Is(c) && --depth == 0) return i;
        }
        return Tokens.Count - 1;
    }
}
