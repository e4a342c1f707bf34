namespace Quasar.HwGen.Core.Ir.Ops;

/// <summary>Host: GELU (erf form) in float32 of a dequantized integer tensor.</summary>
public sealed record GeluOp(string Name, string Input, string Output) : IrOp(Name, Output)
{
    public override Placement Placement => Placement.Host;

    public override IReadOnlyList<string> Inputs => [Input];

    public override void Verify(OpVerificationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.TypeOf(Input);
        if (input is not null) context.ExpectShape(context.Expect(Output, ElementType.Float32, "output"), input.Rows, input.Columns, "output");
    }
}
