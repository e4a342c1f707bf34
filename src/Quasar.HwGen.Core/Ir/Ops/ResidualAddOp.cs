namespace Quasar.HwGen.Core.Ir.Ops;

/// <summary>Host: float32 residual add of the stream and a dequantized branch output.</summary>
public sealed record ResidualAddOp(string Name, string Stream, string Branch, string Output) : IrOp(Name, Output)
{
    public override Placement Placement => Placement.Host;

    public override IReadOnlyList<string> Inputs => [Stream, Branch];

    public override void Verify(OpVerificationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stream = context.Expect(Stream, ElementType.Float32, "stream");
        var branch = context.TypeOf(Branch);
        if (stream is null) return;
        context.ExpectShape(branch, stream.Rows, stream.Columns, "branch");
        context.ExpectShape(context.Expect(Output, ElementType.Float32, "output"), stream.Rows, stream.Columns, "output");
    }
}
