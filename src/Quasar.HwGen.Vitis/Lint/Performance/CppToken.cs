namespace Quasar.HwGen.Vitis.Lint.Performance;

public enum CppTokenKind
{
    Identifier,
    Number,
    Literal,
    Punctuator,

    /// <summary>A whole <c>#pragma</c> line; its text is what follows <c>#pragma</c>.</summary>
    Pragma,
}

/// <summary>One token of a preprocessed kernel translation unit, with the project file and line it came from.</summary>
public sealed record CppToken(CppTokenKind Kind, string Text, string File, int Line)
{
    public string Location => $"{File}:{Line}";

    public bool Is(string text) => Kind != CppTokenKind.Literal && Text == text;

    public override string ToString() => Text;
}
