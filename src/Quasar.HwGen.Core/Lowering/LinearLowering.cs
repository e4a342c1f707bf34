using System.Globalization;
using Quasar.HwGen.Core.Execution;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;
using Quasar.HwGen.Core.Numerics;

namespace Quasar.HwGen.Core.Lowering;

/// <summary>Builds the quantize and GEMM ops of lowering, with their output stages (docs/numerics.md §4).</summary>
internal sealed class LinearLowering(GraphBuilder builder)
{
    private const long BiasLimit = 1L << 30;

    public string Quantize(string name, string input, string output, ElementType element, float? learnedStep)
    {
        var source = builder.TypeOf(input);
        float step = learnedStep ?? Calibrated(name, element, builder.Values(input));
        return builder.Add(new QuantizeOp(name, input, output), new TensorType(element, source.Rows, source.Columns, step));
    }

    public string Linear(string name, string input, string output, FloatLinear linear, float[]? layerScale, ElementType element, float? learnedStep)
    {
        var inputType = builder.TypeOf(input);
        if (inputType.Columns != linear.In)
            throw new ArgumentException($"{name}: input has {inputType.Columns} columns, the layer expects {linear.In}");
        var quantized = WeightQuantizer.Quantize(linear.Weight, linear.Out, linear.In, linear.RowIs8Bit);
        float sx = inputType.Step;
        var bias = new int[linear.Out];
        var rowScale = new double[linear.Out]; // s_x · s_w[r] · λ[r]: one accumulator unit in real terms
        for (int r = 0; r < linear.Out; r++)
        {
            double accumulatorStep = (double)sx * quantized.Scales[r];
            bias[r] = (int)Math.Clamp(Math.Round(linear.Bias[r] / accumulatorStep, MidpointRounding.ToEven), -BiasLimit, BiasLimit);
            rowScale[r] = accumulatorStep * (layerScale?[r] ?? 1f);
        }

        float step = learnedStep ?? Calibrated(name, element, RealOutputs(input, quantized, bias, rowScale));
        var factors = rowScale.Select(s => Factor(name, s, step)).ToArray();
        var op = new LinearOp(name, input, output, linear.In, linear.Out, quantized.Values, quantized.Is8,
            bias, [.. factors.Select(f => f.Multiplier)], [.. factors.Select(f => (byte)f.Shift)], quantized.Scales, layerScale);
        return builder.Add(op, new TensorType(element, inputType.Rows, linear.Out, step));
    }

    public string AttentionScores(string name, string query, string key, string output, int heads, int headDim)
    {
        var q = builder.TypeOf(query);
        var k = builder.TypeOf(key);
        int tokens = q.Rows;
        double real = q.Step * (double)k.Step / Math.Sqrt(headDim); // one accumulator unit, with the 1/√d temperature
        var accumulators = builder.Codes(query).Zip(builder.Codes(key),
            (qc, kc) => EmulatedEngine.ScoreAccumulators(qc, kc, tokens, q.Columns, heads, headDim));
        float step = Calibrated(name, ElementType.Int16, accumulators.Select(acc => RealValues(acc, real)));
        var factor = Factor(name, real, step);
        var op = new AttentionScoresOp(name, query, key, output, heads, headDim, factor.Multiplier, factor.Shift);
        return builder.Add(op, new TensorType(ElementType.Int16, heads * tokens, tokens, step));
    }

    public string AttentionContext(string name, string probabilities, string value, string output, int heads, int headDim, float? learnedStep)
    {
        var p = builder.TypeOf(probabilities);
        var v = builder.TypeOf(value);
        int tokens = v.Rows;
        double real = p.Step * (double)v.Step;
        float step = learnedStep ?? Calibrated(name, ElementType.Int6, builder.Codes(probabilities).Zip(builder.Codes(value),
            (pc, vc) => RealValues(EmulatedEngine.ContextAccumulators(pc, vc, tokens, v.Columns, heads, headDim), real)));
        var factor = Factor(name, real, step);
        var op = new AttentionContextOp(name, probabilities, value, output, heads, headDim, factor.Multiplier, factor.Shift);
        return builder.Add(op, new TensorType(ElementType.Int6, tokens, heads * headDim, step));
    }

    /// <summary>
    /// The step calibration picks from the op's values, refused when they are beyond float32 (a weight or bias near
    /// float.MaxValue makes the real outputs ∞): an infinite step would turn every later value into NaN.
    /// </summary>
    private static float Calibrated(string name, ElementType element, IEnumerable<float[]> realValues)
    {
        float step = StepCalibration.Choose(element, realValues);
        if (float.IsFinite(step)) return step;
        float largest = CalibrationMath.MaxAbs(realValues);
        throw new LoweringException(string.Create(CultureInfo.InvariantCulture,
            $"{name}: on the calibration images its outputs reach {largest:G3}, beyond float32's range, so no {element} step can hold them: "
            + $"a weight or bias this large cannot be lowered; check the weights (did training diverge?)"));
    }

    /// <summary>
    /// The output stage's fixed-point factor for one accumulator unit of <paramref name="unit"/> real and the output
    /// step. A factor of 2^30 or more (QIR021) takes steps no trained model has, e.g. a learned output step a billion
    /// times smaller than its inputs' product: bad input, said as such.
    /// </summary>
    private static FixedPointMultiplier Factor(string name, double unit, float step)
    {
        double factor = unit / step;
        try
        {
            return FixedPointMultiplier.FromReal(factor);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new LoweringException(string.Create(CultureInfo.InvariantCulture,
                $"{name}: one accumulator unit is {unit:G3} and the output step {step:G3}, so the output stage would multiply by {factor:G3}, "
                + $"2^30 or more ({FixedPointMultiplier.TooLargeCode}): no trained layer has such steps; check this layer's learned steps, or export the weights again"), e);
        }
    }

    /// <summary>(acc + bias) · s_x · s_w · λ for each calibration image: the real values of the integer GEMM's
    /// accumulators, computed with the emulation's exact int32 GEMM.</summary>
    private IEnumerable<float[]> RealOutputs(string input, QuantizedWeights weights, int[] bias, double[] rowScale)
    {
        var packed = PackedWeights.Pack(weights.Values, weights.Rows, weights.Columns);
        foreach (var x in builder.Codes(input))
        {
            var acc = GemmEngine.Multiply(x, x.Length / weights.Columns, packed);
            var real = new float[acc.Length];
            for (int i = 0; i < acc.Length; i++)
            {
                int r = i % weights.Rows;
                real[i] = (float)(((double)acc[i] + bias[r]) * rowScale[r]);
            }
            yield return real;
        }
    }

    private static float[] RealValues(int[] accumulators, double unit) => Array.ConvertAll(accumulators, a => (float)(a * unit));
}
