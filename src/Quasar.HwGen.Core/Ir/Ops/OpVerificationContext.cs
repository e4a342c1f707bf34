namespace Quasar.HwGen.Core.Ir.Ops;

/// <summary>What an op's verifier can see: the types of the tensors defined so far, and a sink for findings.</summary>
public sealed class OpVerificationContext(IrOp op, IReadOnlyDictionary<string, TensorType> types, List<IrDiagnostic> sink)
{
    public IrOp Op { get; } = op;

    public TensorType? TypeOf(string tensor) => types.GetValueOrDefault(tensor);

    public void Report(string code, string message) => sink.Add(new IrDiagnostic(code, Op.Name, message));

    /// <summary>Reports unless the tensor exists with the expected element type; returns its type when it exists.</summary>
    public TensorType? Expect(string tensor, ElementType element, string role)
    {
        var type = TypeOf(tensor);
        if (type is null) return null; // reported by the graph verifier (QIR002/QIR003)
        if (type.Element != element)
            Report(IrDiagnosticCodes.ElementTypeMismatch, $"{role} '{tensor}' must be {element}, is {type.Element}");
        if (type.IsInteger && !type.HasUsableStep)
            Report(IrDiagnosticCodes.BadStep, $"{role} '{tensor}' has step {type.Step}; {TensorType.StepRule}");
        return type;
    }

    /// <remarks>Expected sizes are long: products of a hostile package's dimensions must not wrap into a plausible number.</remarks>
    public void ExpectShape(TensorType? type, long rows, long columns, string what)
    {
        if (type is not null && (type.Rows != rows || type.Columns != columns))
            Report(IrDiagnosticCodes.ShapeMismatch, $"{what} must be {rows}x{columns}, is {type.Rows}x{type.Columns}");
    }

    public void ExpectLength<T>(IReadOnlyCollection<T>? array, int length, string what)
    {
        int actual = array?.Count ?? 0;
        if (actual != length) Report(IrDiagnosticCodes.ArrayLength, $"{what} has {actual} elements, needs {length}");
    }
}
