namespace Quasar.HwGen.Vitis.Lint.Performance;

/// <summary>A call in a function body: the callee's name, the token naming it, and its argument token ranges.</summary>
public sealed record CppCall(string Callee, int At, IReadOnlyList<(int Start, int End)> Arguments);

/// <summary>
/// The kernel seen from its top function: the functions it reaches through calls, every call site, and which parameters
/// are m_axi pointers (the top's INTERFACE m_axi ports, followed through the arguments of calls).
/// </summary>
public sealed class KernelSource
{
    public CppTranslationUnit Unit { get; }

    public IReadOnlyList<CppFunction> Top { get; }

    public IReadOnlyList<CppFunction> Reachable { get; }

    /// <summary>Function name → the names of its parameters that are m_axi pointers.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> MaxiPointers { get; }

    public KernelSource(CppTranslationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        Unit = unit;
        var top = unit.Functions.Where(f => f.Pragmas(unit.Tokens).Any(p => p.Directive == "INTERFACE")).ToList();
        Top = top.Count > 0 ? top : unit.Named("quasar_gemm").ToList();
        var names = unit.Functions.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var reached = new List<CppFunction>(Top);
        var pending = new Queue<CppFunction>(Top);
        while (pending.TryDequeue(out var function))
            foreach (var call in Calls(function.Body.Start, function.Body.End))
                foreach (var callee in unit.Named(call.Callee).Where(c => !reached.Contains(c))) { reached.Add(callee); pending.Enqueue(callee); }
        Reachable = reached;

        var maxi = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var function in Top)
            maxi[function.Name] = function.Pragmas(unit.Tokens).Where(p => p.Directive == "INTERFACE" && p.HasWord("m_axi") && p["port"] is not null)
                .Select(p => p["port"]!).ToHashSet(StringComparer.Ordinal);
        for (bool changed = true; changed;)
        {
            changed = false;
            foreach (var function in Reachable)
            {
                if (!maxi.TryGetValue(function.Name, out var pointers) || pointers.Count == 0) continue;
                foreach (var call in Calls(function.Body.Start, function.Body.End))
                {
                    for (int a = 0; a < call.Arguments.Count; a++)
                    {
                        var (start, end) = call.Arguments[a];
                        if (end <= start || !pointers.Contains(unit.Tokens[start].Text) || (end > start + 1 && !unit.Tokens[start + 1].Is("+"))) continue;
                        foreach (var callee in unit.Named(call.Callee).Where(c => a < c.Parameters.Count))
                        {
                            if (!maxi.TryGetValue(callee.Name, out var set)) maxi[callee.Name] = set = new HashSet<string>(StringComparer.Ordinal);
                            changed |= set.Add(callee.Parameters[a].Name);
                        }
                    }
                }
            }
        }
        MaxiPointers = maxi;
    }

    public IReadOnlySet<string> MaxiOf(CppFunction function) =>
        MaxiPointers.TryGetValue(function.Name, out var set) ? set : new HashSet<string>();

    /// <summary>Calls of functions defined in the unit within a token range (name, optional template arguments, arguments).</summary>
    public IEnumerable<CppCall> Calls(int start, int end)
    {
        var tokens = Unit.Tokens;
        for (int i = start; i < end; i++)
        {
            if (tokens[i].Kind != CppTokenKind.Identifier || !Unit.Named(tokens[i].Text).Any()) continue;
            if (i > 0 && (tokens[i - 1].Is(".") || tokens[i - 1].Is("->"))) continue;
            int open = i + 1;
            if (open < end && tokens[open].Is("<")) open = Unit.Close(open) + 1;
            if (open >= end || !tokens[open].Is("(")) continue;
            int close = Unit.Close(open);
            var arguments = new List<(int, int)>();
            int from = open + 1;
            for (int j = open + 1; j <= close; j++)
            {
                if (j < close && (tokens[j].Is("(") || tokens[j].Is("[") || tokens[j].Is("{"))) { j = Unit.Close(j); continue; }
                if (j < close && !tokens[j].Is(",")) continue;
                if (j > from || arguments.Count > 0) arguments.Add((from, j));
                from = j + 1;
            }
            yield return new CppCall(tokens[i].Text, i, arguments);
        }
    }

    /// <summary>Every loop under a statement, outermost first, with the loops around it.</summary>
    public static IEnumerable<CppLoop> Loops(CppStatement statement) => statement switch
    {
        CppLoop loop => [loop, .. Loops(loop.Body)],
        CppBlock block => block.Statements.SelectMany(Loops),
        CppIf branch => [.. Loops(branch.Then), .. branch.Else is null ? [] : Loops(branch.Else)],
        _ => [],
    };

    /// <summary>The variables a for loop declares or assigns in its init part.</summary>
    public IReadOnlySet<string> LoopVariables(CppLoop loop)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (loop.Keyword != "for") return names;
        for (int i = loop.HeaderStart; i < loop.HeaderEnd && !Unit.Tokens[i].Is(";"); i++)
            if (Unit.Tokens[i].Is("=") && Unit.Tokens[i - 1].Kind == CppTokenKind.Identifier) names.Add(Unit.Tokens[i - 1].Text);
        return names;
    }

    public string Describe(CppLoop loop) => loop.Label is null ? $"{loop.Keyword} loop" : $"loop {loop.Label}";

    /// <summary>Every pragma under a statement, at any depth.</summary>
    public static IEnumerable<HlsPragma> Pragmas(CppTranslationUnit unit, CppStatement statement) => statement switch
    {
        CppPragma pragma => [HlsPragma.Parse(unit.Tokens[pragma.Start])],
        CppLoop loop => Pragmas(unit, loop.Body),
        CppBlock block => block.Statements.SelectMany(s => Pragmas(unit, s)),
        CppIf branch => [.. Pragmas(unit, branch.Then), .. branch.Else is null ? [] : Pragmas(unit, branch.Else)],
        _ => [],
    };
}
