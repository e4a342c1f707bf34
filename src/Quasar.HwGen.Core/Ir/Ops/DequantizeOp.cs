namespace Quasar.HwGen.Core.Ir.Ops;

/// <summary>Host: an integer tensor to float32 (q · step), e.g. the logits.</summary>
public sealed record DequantizeOp(string Name, string Input, string Output) : IrOp(Name, Output)
{
    public override Placement Placement => Placement.Host;

    public override IReadOnlyList<string> Inputs => [Input];

    public override void Verify(OpVerificationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.TypeOf(Input);
        if (input is not null && !input.IsInteger)
            context.Report(IrDiagnosticCodes.ElementTypeMismatch, $"input '{Input}' must be an integer tensor");
        if (input is not null) context.ExpectShape(context.Expect(Output, ElementType.Float32, "output"), input.Rows, input.Columns, "output");
    }
}
