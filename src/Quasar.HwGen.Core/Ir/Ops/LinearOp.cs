namespace Quasar.HwGen.Core.Ir.Ops;

/// <summary>
/// FPGA: y = OutputStage(x · Wᵀ + b) on the GEMM engine, with row-wise mixed precision (docs/numerics.md §2–4).
/// </summary>
/// <param name="Weights">OutFeatures × InFeatures, row-major; row r holds int4 values when !RowIs8Bit[r].</param>
/// <param name="Bias">Per row, at scale s_x·s_w[r].</param>
/// <param name="Multiplier">Per row fixed-point multiplier M[r]; together with <paramref name="Shift"/> it folds
/// dequantization, SLS and the output step.</param>
/// <param name="WeightScales">s_w[r], kept for inspection and dequantized export; not used by the engine.</param>
/// <param name="LayerScale">The SLS factors λ folded into the multiplier, or null for layers without SLS; kept for inspection.</param>
public sealed record LinearOp(
    string Name,
    string Input,
    string Output,
    int InFeatures,
    int OutFeatures,
    sbyte[] Weights,
    bool[] RowIs8Bit,
    int[] Bias,
    int[] Multiplier,
    byte[] Shift,
    float[] WeightScales,
    float[]? LayerScale) : IrOp(Name, Output)
{
    public override Placement Placement => Placement.Fpga;

    public override IReadOnlyList<string> Inputs => [Input];

    public double EightBitRowFraction => RowIs8Bit.Length == 0 ? 0 : RowIs8Bit.Count(b => b) / (double)RowIs8Bit.Length;

    public override void Verify(OpVerificationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.Expect(Input, ElementType.Int6, "input");
        var output = context.TypeOf(Output);
        if (output is not null && output.Element == ElementType.Float32)
            context.Report(IrDiagnosticCodes.ElementTypeMismatch, $"output '{Output}' must be an integer tensor (the engine writes integers)");
        if (input is not null)
        {
            context.ExpectShape(input, input.Rows, InFeatures, "input");
            context.ExpectShape(output, input.Rows, OutFeatures, "output");
        }

        context.ExpectLength(Weights, OutFeatures * InFeatures, "weights");
        context.ExpectLength(RowIs8Bit, OutFeatures, "row precision map");
        context.ExpectLength(Bias, OutFeatures, "bias");
        context.ExpectLength(Multiplier, OutFeatures, "multiplier");
        context.ExpectLength(Shift, OutFeatures, "shift");
        context.ExpectLength(WeightScales, OutFeatures, "weight scales");
        if (LayerScale is not null) context.ExpectLength(LayerScale, OutFeatures, "layer scale");
        if (Weights.Length != OutFeatures * InFeatures || RowIs8Bit.Length != OutFeatures) return;

        VerifyRowRanges(context);
        VerifyAccumulatorBound(context);
        if (Multiplier.Length == OutFeatures && Shift.Length == OutFeatures)
        {
            for (int r = 0; r < OutFeatures; r++) FixedPointRules.Verify(context, Multiplier[r], Shift[r], $"row {r}");
        }
    }

    private void VerifyRowRanges(OpVerificationContext context)
    {
        for (int r = 0; r < OutFeatures; r++)
        {
            if (RowIs8Bit[r]) continue;
            var row = Weights.AsSpan(r * InFeatures, InFeatures);
            for (int k = 0; k < row.Length; k++)
            {
                if (row[k] is < -8 or > 7)
                {
                    context.Report(IrDiagnosticCodes.WeightOutOfRowRange, $"row {r} is 4-bit but weight [{r},{k}] = {row[k]} is outside [-8, 7]");
                    return;
                }
            }
        }
    }

    private void VerifyAccumulatorBound(OpVerificationContext context)
    {
        // |x·w| ≤ 32·128; the accumulator plus the bias must stay inside int32 (numerics.md §3).
        long worst = (long)InFeatures * 4096 + (Bias.Length == 0 ? 0 : Bias.Max(b => Math.Abs((long)b)));
        if (worst >= int.MaxValue)
            context.Report(IrDiagnosticCodes.AccumulatorOverflow, $"K = {InFeatures} with |bias| up to {worst - (long)InFeatures * 4096} can overflow the int32 accumulator");
    }
}
