namespace Quasar.HwGen.Vitis.Lint.Performance;

/// <summary>
/// QLINT105: a function with <c>#pragma HLS DATAFLOW</c> whose body holds anything but declarations, pragmas and
/// process calls (loops, conditionals, other statements), or in which a variable is written by two processes, or a
/// process's output is read by two (UG1399, canonical DATAFLOW form: single producer, single consumer).
/// </summary>
internal static class DataflowCheck
{
    private const string Fix = "keep only local/stream declarations and one call per process in the region (move loops and conditions into the processes), one producer and one consumer per channel";

    public static IEnumerable<CppFunction> Regions(KernelSource kernel) =>
        kernel.Reachable.Where(f => f.Pragmas(kernel.Unit.Tokens).Any(p => p.Directive == "DATAFLOW"));

    /// <summary>The process calls at the top level of a region: statements that are exactly one call.</summary>
    public static IEnumerable<CppCall> Processes(KernelSource kernel, CppFunction region) =>
        region.Body.Statements.OfType<CppSimple>().Select(s => ProcessCall(kernel, s)).OfType<CppCall>();

    private static CppCall? ProcessCall(KernelSource kernel, CppSimple statement)
    {
        var call = kernel.Calls(statement.Start, statement.End).FirstOrDefault();
        if (call is null) return null;
        int i = statement.Start;
        while (i < call.At && (kernel.Unit.Tokens[i].Kind == CppTokenKind.Identifier || kernel.Unit.Tokens[i].Is("::"))) i++;
        int close = kernel.Unit.Close(call.Arguments.Count > 0 ? call.Arguments[0].Start - 1 : call.At + 1);
        return i == call.At && close + 2 == statement.End ? call : null;
    }

    public static IEnumerable<LintFinding> Run(KernelSource kernel, LintRule rule)
    {
        var unit = kernel.Unit;
        foreach (var region in Regions(kernel))
        {
            var writers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var readers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var statement in region.Body.Statements)
            {
                string? bad = statement switch
                {
                    CppLoop loop => loop.Label is null ? $"a {loop.Keyword} loop" : $"loop {loop.Label}",
                    CppIf => "a conditional",
                    CppBlock => "a nested block",
                    CppSimple simple when ProcessCall(kernel, simple) is null && !IsDeclaration(unit, simple) && !unit.Tokens[simple.Start].Is("return") && !unit.Tokens[simple.Start].Is(";")
                        => $"the statement '{unit.Text(simple.Start, simple.End)}'",
                    _ => null,
                };
                if (bad is not null)
                {
                    yield return new LintFinding(rule, $"DATAFLOW region holds {bad}", "", region.Name, unit.Tokens[statement.Start].Location, null, Fix);
                }
                if (statement is CppSimple s && ProcessCall(kernel, s) is { } call)
                {
                    var callee = unit.Named(call.Callee).First();
                    for (int a = 0; a < call.Arguments.Count && a < callee.Parameters.Count; a++)
                    {
                        var (start, end) = call.Arguments[a];
                        if (end != start + 1 || unit.Tokens[start].Kind != CppTokenKind.Identifier) continue;
                        var name = unit.Tokens[start].Text;
                        var parameter = callee.Parameters[a];
                        var (writes, reads) = Use(unit, callee, parameter);
                        if (writes) Add(writers, name, call.Callee);
                        if (reads) Add(readers, name, call.Callee);
                    }
                }
            }
            foreach (var (name, list) in writers.Where(w => w.Value.Count > 1))
                yield return new LintFinding(rule, $"{name} is written by {list.Count} processes ({string.Join(", ", list)})", "", region.Name, region.At.Location, null, Fix);
            foreach (var (name, list) in readers.Where(r => r.Value.Count > 1 && writers.ContainsKey(r.Key)))
                yield return new LintFinding(rule, $"the output {name} of {writers[name][0]} is read by {list.Count} processes ({string.Join(", ", list)})", "", region.Name, region.At.Location, null,
                    Fix + " (duplicate the stream in the producer for a second consumer)");
        }

        static void Add(Dictionary<string, List<string>> map, string key, string process)
        {
            if (!map.TryGetValue(key, out var list)) map[key] = list = [];
            list.Add(process);
        }
    }

    /// <summary>A declaration: type name(s) followed by the declared name (two names in a row before '(', '=', '[', ';', '{').</summary>
    private static bool IsDeclaration(CppTranslationUnit unit, CppSimple statement)
    {
        int names = 0;
        for (int i = statement.Start; i < statement.End; i++)
        {
            var t = unit.Tokens[i];
            if (t.Is("<")) { i = unit.Close(i); names = 1; continue; }
            if (t.Is("::")) { names--; continue; }
            if (t.Kind == CppTokenKind.Identifier) { names++; continue; }
            if (t.Is("*") || t.Is("&")) continue;
            return names >= 2;
        }
        return false;
    }

    /// <summary>Whether a process writes and reads what it gets through a parameter (streams by write/read; arrays, pointers
    /// and references by assignment; const parameters and values are only read).</summary>
    private static (bool Writes, bool Reads) Use(CppTranslationUnit unit, CppFunction callee, CppParameter parameter)
    {
        bool stream = parameter.Type.Contains("stream", StringComparison.Ordinal);
        if (parameter.IsConst || (!parameter.IsIndirect && !stream)) return (false, true);
        bool writes = false, reads = false;
        for (int i = callee.Body.Start; i < callee.Body.End; i++)
        {
            if (!unit.Tokens[i].Is(parameter.Name) || unit.Tokens[i].Kind != CppTokenKind.Identifier) continue;
            int j = i + 1;
            while (j < callee.Body.End && unit.Tokens[j].Is("[")) j = unit.Close(j) + 1;
            var next = j < callee.Body.End ? unit.Tokens[j].Text : "";
            var member = j + 1 < callee.Body.End ? unit.Tokens[j + 1].Text : "";
            if (stream && next == "." && member.StartsWith("write", StringComparison.Ordinal) || stream && next == "<<") writes = true;
            else if (stream) reads = true;
            else if (next is "=" or "+=" or "-=" or "*=" or "|=" or "&=" or "^=" or "++" or "--" or "<<=" or ">>=") writes = true;
            else reads = true;
        }
        return (writes, reads);
    }
}
