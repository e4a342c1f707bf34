using System.Text.Json.Serialization;

namespace Quasar.HwGen.Core.Ir;

/// <summary>A two-dimensional tensor (rows × columns) of one element type; integer tensors carry their real step.</summary>
/// <remarks>Per image: rows are tokens (or heads × tokens for attention scores), columns are channels.</remarks>
public sealed record TensorType(ElementType Element, int Rows, int Columns, float Step = 1f)
{
    [JsonIgnore]
    public bool IsInteger => Element != ElementType.Float32;

    [JsonIgnore]
    public int ElementCount => Rows * Columns;

    /// <summary>A step the host ops can quantize with: positive, finite, and with a finite reciprocal (numerics.md §6.3).</summary>
    [JsonIgnore]
    public bool HasUsableStep => Step > 0 && float.IsFinite(Step) && float.IsFinite(1f / Step);

    /// <summary>What <see cref="HasUsableStep"/> requires, for diagnostics.</summary>
    public const string StepRule = "a step must be positive and finite, with a finite reciprocal (at least 2^-128)";

    [JsonIgnore]
    public int Min => Element switch
    {
        ElementType.Int6 => -32,
        ElementType.Int8 => -128,
        ElementType.Int16 => short.MinValue,
        _ => throw new InvalidOperationException("a float tensor has no integer range"),
    };

    [JsonIgnore]
    public int Max => Element switch
    {
        ElementType.Int6 => 31,
        ElementType.Int8 => 127,
        ElementType.Int16 => short.MaxValue,
        _ => throw new InvalidOperationException("a float tensor has no integer range"),
    };

    public override string ToString() =>
        IsInteger ? $"{Element}[{Rows}x{Columns}] step {Step:G6}" : $"{Element}[{Rows}x{Columns}]";
}
