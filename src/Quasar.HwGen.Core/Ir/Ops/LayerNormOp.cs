namespace Quasar.HwGen.Core.Ir.Ops;

/// <summary>Host: LayerNorm over the columns of each row, float32 (docs/numerics.md §6).</summary>
public sealed record LayerNormOp(string Name, string Input, string Output, float[] Gamma, float[] Beta, float Epsilon) : IrOp(Name, Output)
{
    public override Placement Placement => Placement.Host;

    public override IReadOnlyList<string> Inputs => [Input];

    public override void Verify(OpVerificationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.Expect(Input, ElementType.Float32, "input");
        if (!(Epsilon > 0)) context.Report(IrDiagnosticCodes.BadHostParameter, $"epsilon {Epsilon} must be positive");
        if (input is null) return;
        context.ExpectLength(Gamma, input.Columns, "gamma");
        context.ExpectLength(Beta, input.Columns, "beta");
        context.ExpectShape(context.Expect(Output, ElementType.Float32, "output"), input.Rows, input.Columns, "output");
    }
}
