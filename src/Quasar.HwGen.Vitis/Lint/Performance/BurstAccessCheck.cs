namespace Quasar.HwGen.Vitis.Lint.Performance;

/// <summary>
/// QLINT102: in a pipelined loop (a burst loop), an m_axi access that is conditional (under an if/else or switch of the
/// loop body, in a branch of ?:, or the right operand of &amp;&amp; / ||) or runtime-strided (the loop's variable
/// multiplied by a run-time value in the index, seen through const locals and single-return helper functions).
/// </summary>
internal static class BurstAccessCheck
{
    private static readonly HashSet<string> Assignments = new(StringComparer.Ordinal) { "=", "+=", "-=", "*=", "/=", "|=", "&=", "^=", "<<=", ">>=", "++", "--" };

    public static IEnumerable<LintFinding> Run(KernelSource kernel, LintRule rule)
    {
        var unit = kernel.Unit;
        var findings = new List<LintFinding>();
        foreach (var function in kernel.Reachable)
        {
            var pointers = kernel.MaxiOf(function);
            if (pointers.Count == 0) continue;
            foreach (var loop in KernelSource.Loops(function.Body))
            {
                if (!loop.Pragmas(unit.Tokens).Any(p => p.Directive == "PIPELINE" && !p.HasWord("off"))) continue;
                var variables = kernel.LoopVariables(loop);
                Visit(loop.Body, false);

                void Visit(CppStatement statement, bool underBranch)
                {
                    switch (statement)
                    {
                        case CppBlock block: foreach (var s in block.Statements) Visit(s, underBranch); break;
                        case CppLoop inner: Examine(inner.HeaderStart, inner.HeaderEnd, underBranch); Visit(inner.Body, underBranch); break;
                        case CppIf branch:
                            Examine(branch.ConditionStart, branch.ConditionEnd, underBranch);
                            Visit(branch.Then, true);
                            if (branch.Else is not null) Visit(branch.Else, true);
                            break;
                        case CppSimple simple: Examine(simple.Start, simple.End, underBranch); break;
                    }
                }

                void Examine(int start, int end, bool underBranch)
                {
                    for (int i = start; i < end; i++)
                    {
                        var token = unit.Tokens[i];
                        if (token.Kind != CppTokenKind.Identifier || !pointers.Contains(token.Text) || i + 1 >= end || !unit.Tokens[i + 1].Is("[")) continue;
                        if (i > start && (unit.Tokens[i - 1].Is(".") || unit.Tokens[i - 1].Is("->"))) continue;
                        int close = unit.Close(i + 1);
                        bool write = close + 1 < end && Assignments.Contains(unit.Tokens[close + 1].Text);
                        var access = $"{(write ? "write" : "read")} of {token.Text}[{unit.Text(i + 2, close)}] in pipelined {kernel.Describe(loop)}";
                        var why = underBranch ? "under an if/else" : ConditionalOperator(unit, start, i);
                        if (why is not null)
                        {
                            findings.Add(new LintFinding(rule, $"conditional {access} ({why})", "", function.Name, token.Location, null,
                                "access the port unconditionally (read every element and select after the read, or pad the data on the host), so HLS can infer a burst (UG1448: conditional accesses prevent burst inference)"));
                        }
                        if (Stride.Find(kernel, function, i + 2, close, variables) is { } stride)
                        {
                            findings.Add(new LintFinding(rule, $"runtime-strided {access} ({stride})", "", function.Name, token.Location, null,
                                "lay the data out so that the loop reads consecutive elements (e.g. transpose it on the host), or make the stride a compile-time constant (UG1448: a runtime stride is incompatible with bursts)"));
                        }
                        i = close;
                    }
                }
            }
        }
        return findings.DistinctBy(f => (f.Symbol, f.Location));
    }

    /// <summary>"in a branch of ?:" or "right operand of &amp;&amp;" when the token at <paramref name="at"/> is in one, within the statement.</summary>
    private static string? ConditionalOperator(CppTranslationUnit unit, int start, int at)
    {
        for (int q = start; q < at; q++)
        {
            var op = unit.Tokens[q];
            bool ternary = op.Is("?"), logical = op.Is("&&") || op.Is("||");
            if (!ternary && !logical) continue;
            int depth = 0;
            bool inside = true;
            for (int j = q + 1; j < at && inside; j++)
            {
                var t = unit.Tokens[j];
                if (t.Is("(") || t.Is("[") || t.Is("{")) depth++;
                else if (t.Is(")") || t.Is("]") || t.Is("}")) inside = --depth >= 0;
                else if (depth == 0 && (t.Is(",") || t.Is(";"))) inside = false;
                else if (depth == 0 && logical && (t.Is("?") || t.Is(":") || t.Is("=") || t.Text.EndsWith('=') && t.Text.Length == 2 && t.Text != "==" && t.Text != "!=" && t.Text != "<=" && t.Text != ">=")) inside = false;
            }
            if (inside) return ternary ? "in a branch of ?:" : $"the right operand of {op.Text}";
        }
        return null;
    }
}
