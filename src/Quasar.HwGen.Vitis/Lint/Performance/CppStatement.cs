namespace Quasar.HwGen.Vitis.Lint.Performance;

/// <summary>A statement of a function body, as token index ranges [Start, End) into its translation unit.</summary>
public abstract record CppStatement(int Start, int End);

public sealed record CppBlock(int Start, int End, IReadOnlyList<CppStatement> Statements) : CppStatement(Start, End);

/// <summary><c>for</c>, <c>while</c> or <c>do</c>; Header is the parenthesised part; Pragmas are those directly in its body.</summary>
public sealed record CppLoop(int Start, int End, string Keyword, string? Label, int HeaderStart, int HeaderEnd, CppStatement Body)
    : CppStatement(Start, End)
{
    public IEnumerable<HlsPragma> Pragmas(IReadOnlyList<CppToken> tokens) =>
        Body is CppBlock block ? block.Statements.OfType<CppPragma>().Select(p => HlsPragma.Parse(tokens[p.Start])) : [];
}

/// <summary><c>if</c> (Else may be null) or <c>switch</c> (its body as Then).</summary>
public sealed record CppIf(int Start, int End, int ConditionStart, int ConditionEnd, CppStatement Then, CppStatement? Else)
    : CppStatement(Start, End);

public sealed record CppPragma(int Start, int End) : CppStatement(Start, End);

/// <summary>An expression statement, a declaration, a return, break or continue: up to its semicolon.</summary>
public sealed record CppSimple(int Start, int End) : CppStatement(Start, End);

/// <summary>A parameter: its type tokens as text, its name, and whether it is a pointer, array or reference.</summary>
public sealed record CppParameter(string Type, string Name, bool IsConst, bool IsIndirect, int TypeStart, int TypeEnd);

/// <summary>A function defined in the project's sources.</summary>
public sealed record CppFunction(string Name, IReadOnlyList<CppParameter> Parameters, CppBlock Body, CppToken At)
{
    /// <summary>The pragmas at the top level of the body (INLINE, DATAFLOW, INTERFACE ...).</summary>
    public IEnumerable<HlsPragma> Pragmas(IReadOnlyList<CppToken> tokens) =>
        Body.Statements.OfType<CppPragma>().Select(p => HlsPragma.Parse(tokens[p.Start]));
}
