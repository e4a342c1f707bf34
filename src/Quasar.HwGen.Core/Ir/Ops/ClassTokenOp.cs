namespace Quasar.HwGen.Core.Ir.Ops;

/// <summary>Host: prepends the learned class token as row 0 (input is dequantized when it is an integer tensor).</summary>
public sealed record ClassTokenOp(string Name, string Input, string Output, float[] Token) : IrOp(Name, Output)
{
    public override Placement Placement => Placement.Host;

    public override IReadOnlyList<string> Inputs => [Input];

    public override void Verify(OpVerificationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.TypeOf(Input);
        if (input is null) return;
        context.ExpectLength(Token, input.Columns, "class token");
        context.ExpectShape(context.Expect(Output, ElementType.Float32, "output"), input.Rows + 1, input.Columns, "output");
    }
}
