namespace Quasar.HwGen.Core.Ir.Ops;

/// <summary>Host: adds the learned position embedding (tokens × channels, row-major) in float32.</summary>
public sealed record PositionEmbeddingOp(string Name, string Input, string Output, float[] Table) : IrOp(Name, Output)
{
    public override Placement Placement => Placement.Host;

    public override IReadOnlyList<string> Inputs => [Input];

    public override void Verify(OpVerificationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.Expect(Input, ElementType.Float32, "input");
        if (input is null) return;
        context.ExpectLength(Table, input.ElementCount, "position table");
        context.ExpectShape(context.Expect(Output, ElementType.Float32, "output"), input.Rows, input.Columns, "output");
    }
}
