namespace Quasar.HwGen.Core.Ir.Ops;

/// <summary>Host: row-wise softmax in float32 of integer scores (docs/numerics.md §6.5: the max and the distances are integers).</summary>
public sealed record SoftmaxOp(string Name, string Input, string Output) : IrOp(Name, Output)
{
    public override Placement Placement => Placement.Host;

    public override IReadOnlyList<string> Inputs => [Input];

    public override void Verify(OpVerificationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.TypeOf(Input);
        if (input is not null && !input.IsInteger)
            context.Report(IrDiagnosticCodes.ElementTypeMismatch, $"input '{Input}' must be an integer tensor (softmax is defined on integer scores)");
        if (input is not null) context.ExpectShape(context.Expect(Output, ElementType.Float32, "output"), input.Rows, input.Columns, "output");
    }
}
