namespace Quasar.HwGen.Core.Ir.Ops;

/// <summary>
/// FPGA: per head h, S_h = OutputStage(Q_h · K_hᵀ), with K as the engine's 8-bit "weight" rows (two nibble passes) and
/// 1/√d folded into the one multiplier. Output rows are h·T + query token, columns key tokens.
/// </summary>
public sealed record AttentionScoresOp(string Name, string Query, string Key, string Output, int Heads, int HeadDim, int Multiplier, int Shift)
    : IrOp(Name, Output)
{
    public override Placement Placement => Placement.Fpga;

    public override IReadOnlyList<string> Inputs => [Query, Key];

    public override void Verify(OpVerificationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Expect(Query, ElementType.Int6, "query");
        var key = context.Expect(Key, ElementType.Int8, "key");
        var output = context.Expect(Output, ElementType.Int16, "output");
        if (query is null || key is null) return;
        long width = (long)Heads * HeadDim;
        if (query.Columns != width || key.Columns != width)
            context.Report(IrDiagnosticCodes.HeadLayout, $"query and key need {Heads} heads x {HeadDim} = {width} columns, have {query.Columns} and {key.Columns}");
        context.ExpectShape(key, query.Rows, key.Columns, "key");
        context.ExpectShape(output, (long)Heads * query.Rows, key.Rows, "output");
        FixedPointRules.Verify(context, Multiplier, Shift, "scores");
        if ((long)HeadDim * 4096 >= int.MaxValue)
            context.Report(IrDiagnosticCodes.AccumulatorOverflow, $"head dim {HeadDim} can overflow the int32 accumulator");
    }
}
