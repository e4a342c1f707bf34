namespace Quasar.HwGen.Core.Ir.Ops;

/// <summary>Host: keeps one row (the class token, row 0) of a float tensor.</summary>
public sealed record SelectRowOp(string Name, string Input, string Output, int Row) : IrOp(Name, Output)
{
    public override Placement Placement => Placement.Host;

    public override IReadOnlyList<string> Inputs => [Input];

    public override void Verify(OpVerificationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.Expect(Input, ElementType.Float32, "input");
        if (input is null) return;
        if (Row < 0 || Row >= input.Rows) context.Report(IrDiagnosticCodes.ShapeMismatch, $"row {Row} is outside the input's {input.Rows} rows");
        context.ExpectShape(context.Expect(Output, ElementType.Float32, "output"), 1, input.Columns, "output");
    }
}
