namespace Quasar.HwGen.Vitis.Lint.Performance;

/// <summary>
/// A scanner for the subset of C++ HLS kernels are written in: it finds function definitions at namespace and class
/// scope and parses their bodies into statements (blocks, loops with labels, if/switch, pragmas, simple statements);
/// declarations it only needs for names (typedefs, constants, template parameters, types). Expressions stay tokens.
/// </summary>
internal sealed class CppParser(IReadOnlyList<CppToken> tokens)
{
    private readonly List<CppFunction> _functions = [];
    private readonly Dictionary<string, (int, int, CppToken)> _typedefs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int, int)> _constants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int, int)>> _constCandidates = new(StringComparer.Ordinal);
    private readonly HashSet<string> _neutral = new(StringComparer.Ordinal);
    private CppTranslationUnit _unit = null!;

    public CppTranslationUnit Parse()
    {
        _unit = new CppTranslationUnit(tokens, _functions, _typedefs, _constants, _neutral);
        CollectNames();
        ParseScope(0, tokens.Count);
        ResolveConstCandidates();
        return _unit;
    }

    private bool At(int i, string text) => i >= 0 && i < tokens.Count && tokens[i].Is(text);

    private bool IsIdentifier(int i) => i >= 0 && i < tokens.Count && tokens[i].Kind == CppTokenKind.Identifier;

    /// <summary>Names by their declaring keyword, wherever they are: types, namespaces, constants, template parameters.</summary>
    private void CollectNames()
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind != CppTokenKind.Identifier) continue;
            switch (t.Text)
            {
                case "namespace" or "struct" or "class" or "union" when IsIdentifier(i + 1) && !At(i - 1, "<") && !At(i - 1, ","):
                    _neutral.Add(tokens[i + 1].Text);
                    break;
                case "typedef":
                    Typedef(i);
                    break;
                case "using" when IsIdentifier(i + 1) && At(i + 2, "="):
                    _typedefs.TryAdd(tokens[i + 1].Text, (i + 3, StatementEnd(i + 3), tokens[i + 1]));
                    _neutral.Add(tokens[i + 1].Text);
                    break;
                case "enum":
                    Enum(i);
                    break;
                case "template" when At(i + 1, "<"):
                    TemplateParameters(i + 1);
                    break;
                case "constexpr" or "const":
                    Constant(i);
                    break;
            }
        }
    }

    private void Typedef(int i)
    {
        int end = StatementEnd(i);
        int name = end - 1;
        for (int j = i + 1; j < end; j++)
            if (At(j, "(") && At(j + 1, "*") && IsIdentifier(j + 2)) { name = j + 2; break; }
        if (!IsIdentifier(name)) return;
        _typedefs.TryAdd(tokens[name].Text, (i + 1, name, tokens[name]));
        _neutral.Add(tokens[name].Text);
    }

    private void Enum(int i)
    {
        int j = i + 1;
        while (j < tokens.Count && !At(j, "{") && !At(j, ";") && !At(j, ")")) { if (IsIdentifier(j)) _neutral.Add(tokens[j].Text); j++; }
        if (!At(j, "{")) return;
        int close = _unit.Close(j);
        for (int k = j + 1; k < close; k++)
            if (IsIdentifier(k) && (At(k - 1, "{") || At(k - 1, ","))) _constants.TryAdd(tokens[k].Text, (k, k));
    }

    private void TemplateParameters(int open)
    {
        int close = _unit.Close(open);
        int start = open + 1;
        for (int j = open + 1; j <= close; j++)
        {
            if (j < close && At(j, "<")) { j = _unit.Close(j); continue; }
            if (j < close && !At(j, ",")) continue;
            int last = -1;
            for (int k = start; k < j && !At(k, "="); k++) if (IsIdentifier(k)) last = k;
            if (last >= 0 && last > start && !tokens[start].Is("template"))
            {
                if (At(start, "class") || At(start, "typename")) _neutral.Add(tokens[last].Text);
                else _constants.TryAdd(tokens[last].Text, (last, last));
            }
            start = j + 1;
        }
    }

    /// <summary>constexpr X = ...; (a constant), constexpr f(...) (a neutral function), const X = ... (a candidate).</summary>
    private void Constant(int i)
    {
        for (int j = i + 1; j < tokens.Count; j++)
        {
            if (At(j, "<")) { j = _unit.Close(j); continue; }
            if (At(j, ";") || At(j, "{") || At(j, ")") || At(j, ",") || At(j, "*") || At(j, "&") || At(j, "[")) return;
            if (At(j, "(") && tokens[i].Is("constexpr") && IsIdentifier(j - 1)) { _neutral.Add(tokens[j - 1].Text); return; }
            if (At(j, "(")) return;
            if (!At(j, "=") || !IsIdentifier(j - 1)) continue;
            var range = (j + 1, StatementEnd(j + 1));
            if (tokens[i].Is("constexpr")) _constants.TryAdd(tokens[j - 1].Text, range);
            else
            {
                if (!_constCandidates.TryGetValue(tokens[j - 1].Text, out var list)) _constCandidates[tokens[j - 1].Text] = list = [];
                list.Add(range);
            }
            return;
        }
    }

    /// <summary>A const variable is a constant when every declaration of its name is initialised from constants.</summary>
    private void ResolveConstCandidates()
    {
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var (name, ranges) in _constCandidates)
            {
                if (_constants.ContainsKey(name) || _neutral.Contains(name)) continue;
                if (ranges.All(r => _unit.RuntimeNames(r.Item1, r.Item2).Count == 0))
                {
                    _constants[name] = ranges[0];
                    changed = true;
                }
            }
        }
    }

    /// <summary>The index of the ';' ending the statement or declaration that contains <paramref name="i"/> at its depth.</summary>
    private int StatementEnd(int i)
    {
        for (int j = i; j < tokens.Count; j++)
        {
            if (At(j, "(") || At(j, "[") || At(j, "{")) j = _unit.Close(j);
            else if (At(j, ";") || At(j, "}") || At(j, ")")) return j;
        }
        return tokens.Count;
    }

    private int ParseScope(int i, int end)
    {
        while (i < end)
        {
            var t = tokens[i];
            if (t.Is("}")) return i;
            if (t.Kind == CppTokenKind.Pragma || t.Is(";")) { i++; continue; }
            if (t.Is("template") && At(i + 1, "<")) { i = _unit.Close(i + 1) + 1; continue; }
            if ((t.Is("public") || t.Is("private") || t.Is("protected")) && At(i + 1, ":")) { i += 2; continue; }
            if (t.Is("namespace") || (t.Is("extern") && i + 2 < end && tokens[i + 1].Kind == CppTokenKind.Literal && At(i + 2, "{")))
            {
                int open = i;
                while (open < end && !At(open, "{") && !At(open, ";")) open++;
                if (At(open, "{")) open = ParseScope(open + 1, end);
                i = open + 1;
                continue;
            }
            i = Declaration(i, end);
        }
        return i;
    }

    /// <summary>A declaration at namespace or class scope: a function definition, a class body, or anything up to ';'.</summary>
    private int Declaration(int i, int end)
    {
        int firstParen = -1;
        bool isClass = false, assigned = false;
        for (int j = i; j < end; j++)
        {
            var t = tokens[j];
            if (t.Is("struct") || t.Is("class") || t.Is("union") || t.Is("enum")) isClass = firstParen < 0;
            if (t.Is("=")) assigned = true;
            if (t.Is("<") && j > i && IsIdentifier(j - 1) && (_neutral.Contains(tokens[j - 1].Text) || tokens[j - 1].Text.StartsWith("ap_", StringComparison.Ordinal) || At(j - 1, "static_cast")))
            {
                j = _unit.Close(j);
                continue;
            }
            if (t.Is("(") || t.Is("["))
            {
                if (t.Is("(") && firstParen < 0 && !assigned) firstParen = j;
                j = _unit.Close(j);
                continue;
            }
            if (t.Is(";")) return j + 1;
            if (t.Is("}")) return j;
            if (!t.Is("{")) continue;
            int close = _unit.Close(j);
            if (assigned) { j = close; continue; }
            if (isClass && firstParen < 0)
            {
                ParseScope(j + 1, close);
                j = close;
                continue;
            }
            if (firstParen > i && IsIdentifier(firstParen - 1) && !At(firstParen - 2, "operator"))
            {
                int body = j;
                var block = (CppBlock)Statement(ref body, null);
                _functions.Add(new CppFunction(tokens[firstParen - 1].Text, Parameters(firstParen), block, tokens[firstParen - 1]));
            }
            return close + 1;
        }
        return end;
    }

    private List<CppParameter> Parameters(int open)
    {
        var list = new List<CppParameter>();
        int close = _unit.Close(open), start = open + 1;
        for (int j = open + 1; j <= close; j++)
        {
            if (j < close && (At(j, "(") || At(j, "["))) { j = _unit.Close(j); continue; }
            if (j < close && At(j, "<")) { j = _unit.Close(j); continue; }
            if (j < close && !At(j, ",")) continue;
            int stop = start;
            while (stop < j && !At(stop, "=")) stop++;
            int name = -1;
            for (int k = start; k < stop; k++)
            {
                if (At(k, "<")) { k = _unit.Close(k); continue; }
                if (IsIdentifier(k) && !_unit.IsCompileTime(tokens[k].Text) && !At(k + 1, "::") && !At(k + 1, "<")) name = k;
            }
            if (name >= 0)
            {
                var type = _unit.Text(start, name);
                bool indirect = type.Contains('*', StringComparison.Ordinal) || type.Contains('&', StringComparison.Ordinal) || At(name + 1, "[");
                list.Add(new CppParameter(type, tokens[name].Text, type.Split(' ').Contains("const"), indirect, start, name));
            }
            start = j + 1;
        }
        return list;
    }

    private CppStatement Statement(ref int i, string? label)
    {
        int start = i;
        var t = tokens[i];
        if (t.Kind == CppTokenKind.Pragma) { i++; return new CppPragma(start, i); }
        if (t.Is("{"))
        {
            int close = _unit.Close(i);
            var list = new List<CppStatement>();
            i++;
            while (i < close) list.Add(Statement(ref i, null));
            i = close + 1;
            return new CppBlock(start, i, list);
        }
        if ((t.Is("for") || t.Is("while")) && At(i + 1, "("))
        {
            int close = _unit.Close(i + 1);
            i = close + 1;
            var body = Statement(ref i, null);
            return new CppLoop(start, i, t.Text, label, start + 2, close, body);
        }
        if (t.Is("do"))
        {
            i++;
            var body = Statement(ref i, null);
            int header = i + 1, close = At(i, "while") ? _unit.Close(i + 1) : i;
            i = close + 1;
            if (At(i, ";")) i++;
            return new CppLoop(start, i, "do", label, header + 1, close, body);
        }
        if ((t.Is("if") || t.Is("switch")) && (At(i + 1, "(") || At(i + 2, "(")))
        {
            int open = At(i + 1, "(") ? i + 1 : i + 2, close = _unit.Close(open);
            i = close + 1;
            var then = Statement(ref i, null);
            CppStatement? otherwise = null;
            if (At(i, "else")) { i++; otherwise = Statement(ref i, null); }
            return new CppIf(start, i, open + 1, close, then, otherwise);
        }
        if (IsIdentifier(i) && At(i + 1, ":") && !t.Is("default") && !t.Is("public") && !t.Is("private"))
        {
            i += 2;
            return Statement(ref i, t.Text);
        }
        if (t.Is("case") || t.Is("default"))
        {
            while (i < tokens.Count && !At(i, ":")) i++;
            i++;
            return new CppSimple(start, i);
        }
        if (t.Is("typedef")) Typedef(i);
        int end = StatementEnd(i);
        i = At(end, ";") ? end + 1 : Math.Max(end, i + 1);
        return new CppSimple(start, i);
    }
}
