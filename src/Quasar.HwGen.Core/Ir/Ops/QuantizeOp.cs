namespace Quasar.HwGen.Core.Ir.Ops;

/// <summary>Host: float32 to a 6-bit (or 8-bit) integer tensor at the output's step (docs/numerics.md §1).</summary>
public sealed record QuantizeOp(string Name, string Input, string Output) : IrOp(Name, Output)
{
    public override Placement Placement => Placement.Host;

    public override IReadOnlyList<string> Inputs => [Input];

    public override void Verify(OpVerificationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.Expect(Input, ElementType.Float32, "input");
        var output = context.TypeOf(Output);
        if (output is not null && output.Element is not (ElementType.Int6 or ElementType.Int8))
            context.Report(IrDiagnosticCodes.ElementTypeMismatch, $"output '{Output}' must be Int6 or Int8, is {output.Element}");
        if (output is not null && !output.HasUsableStep)
            context.Report(IrDiagnosticCodes.BadStep, $"output '{Output}' has step {output.Step}; {TensorType.StepRule}");
        if (input is not null) context.ExpectShape(output, input.Rows, input.Columns, "output");
    }
}
