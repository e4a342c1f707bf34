namespace Quasar.HwGen.Core.Ir.Ops;

/// <summary>
/// FPGA: per head h, O_h = OutputStage(P_h · V_h), with V_hᵀ as the engine's 8-bit "weight" rows. P rows are h·T + query
/// token; output rows are tokens, columns h·d + channel (heads concatenated, ready for the projection).
/// </summary>
public sealed record AttentionContextOp(string Name, string Probabilities, string Value, string Output, int Heads, int HeadDim, int Multiplier, int Shift)
    : IrOp(Name, Output)
{
    public override Placement Placement => Placement.Fpga;

    public override IReadOnlyList<string> Inputs => [Probabilities, Value];

    public override void Verify(OpVerificationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var probabilities = context.Expect(Probabilities, ElementType.Int6, "probabilities");
        var value = context.Expect(Value, ElementType.Int8, "value");
        var output = context.TypeOf(Output);
        if (output is not null && output.Element is not (ElementType.Int6 or ElementType.Int16))
            context.Report(IrDiagnosticCodes.ElementTypeMismatch, $"output '{Output}' must be Int6 or Int16, is {output.Element}");
        if (probabilities is null || value is null) return;
        int tokens = value.Rows;
        long width = (long)Heads * HeadDim;
        if (value.Columns != width)
            context.Report(IrDiagnosticCodes.HeadLayout, $"value needs {Heads} heads x {HeadDim} = {width} columns, has {value.Columns}");
        context.ExpectShape(probabilities, (long)Heads * tokens, tokens, "probabilities");
        context.ExpectShape(output, tokens, width, "output");
        FixedPointRules.Verify(context, Multiplier, Shift, "context");
        if ((long)tokens * 4096 >= int.MaxValue)
            context.Report(IrDiagnosticCodes.AccumulatorOverflow, $"{tokens} tokens can overflow the int32 accumulator");
    }
}
