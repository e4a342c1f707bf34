using Quasar.HwGen.Core.Execution;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;
using Quasar.HwGen.Core.Numerics;

namespace Quasar.HwGen.Tests.Codegen;

/// <summary>
/// The mapping of docs/hls-engine.md §1 (KernelOpMapper) executed by the C# model of the kernel (StridedGemm) gives
/// the emulation's bytes exactly: on many random ops, and on every FPGA call of a lowered subnet.
/// </summary>
[TestFixture]
public sealed class KernelCallMappingTests
{
    private const byte Guard = 0xA5;
    private const int GuardBytes = 64;

    private static readonly ElementType[] LinearOutputs = [ElementType.Int6, ElementType.Int8, ElementType.Int16];

    [Test]
    public void Random_linear_ops_map_to_calls_that_reproduce_the_emulation_bit_for_bit()
    {
        var random = new Random(11);
        var engine = new EmulatedEngine();
        for (int i = 0; i < 300; i++)
        {
            int tokens = random.Next(1, 21), k = random.Next(1, 48), n = random.Next(1, 30);
            var output = new TensorType(LinearOutputs[random.Next(LinearOutputs.Length)], tokens, n);
            var op = RandomLinear(random, k, n);
            var input = Activations(random, new TensorType(ElementType.Int6, tokens, k));

            var expected = KernelBytes.FromTensor(engine.Linear(op, input, output));
            var kernelOp = KernelOpMapper.Linear(op, input.Type, output);

            Assert.That(RunGuarded(kernelOp, input.Bytes!, op.Weights, expected.Length), Is.EqualTo(expected), $"case {i}: {tokens}x{k} -> {n}, {output.Element}");
        }
    }

    [Test]
    public void Random_attention_ops_map_to_calls_that_reproduce_the_emulation_bit_for_bit()
    {
        var random = new Random(12);
        var engine = new EmulatedEngine();
        for (int i = 0; i < 200; i++)
        {
            int heads = random.Next(1, 5), d = random.Next(1, 13), tokens = random.Next(1, 17), width = heads * d;
            var scoresOp = new AttentionScoresOp("scores", "q", "k", "s", heads, d, Multiplier(random), random.Next(20, 34));
            var query = Activations(random, new TensorType(ElementType.Int6, tokens, width));
            var key = Int8(random, new TensorType(ElementType.Int8, tokens, width));
            var scoresType = new TensorType(ElementType.Int16, heads * tokens, tokens);
            var expectedScores = KernelBytes.FromTensor(engine.AttentionScores(scoresOp, query, key, scoresType));
            var scores = KernelOpMapper.Scores(scoresOp, query.Type, scoresType);
            Assert.That(RunGuarded(scores, query.Bytes!, key.Bytes!, expectedScores.Length), Is.EqualTo(expectedScores), $"scores case {i}");

            var contextOp = new AttentionContextOp("context", "p", "v", "o", heads, d, Multiplier(random), random.Next(20, 34));
            var probabilities = Activations(random, new TensorType(ElementType.Int6, heads * tokens, tokens));
            var value = Int8(random, new TensorType(ElementType.Int8, tokens, width));
            var contextType = new TensorType(random.Next(2) == 0 ? ElementType.Int6 : ElementType.Int16, tokens, width);
            var expectedContext = KernelBytes.FromTensor(engine.AttentionContext(contextOp, probabilities, value, contextType));
            var context = KernelOpMapper.Context(contextOp, value.Type, contextType);
            var (contextA, contextB) = KernelOpMapper.Operands(context, [probabilities, value]);
            Assert.That(RunGuarded(context, contextA, contextB, expectedContext.Length), Is.EqualTo(expectedContext), $"context case {i}");
        }
    }

    [Test]
    public void Every_fpga_call_of_a_lowered_subnet_maps_to_a_call_that_reproduces_the_emulation()
    {
        var graph = CodegenFixtures.SmallGraph;
        var recording = new RecordingEngine(new EmulatedEngine());
        var interpreter = new IrInterpreter(graph, recording);
        foreach (var (image, index) in CodegenFixtures.GoldenImages(2).Select((image, index) => (image, index)))
        {
            recording.Image = index;
            interpreter.RunAll(image);
        }
        var ops = KernelOpMapper.Map(graph).ToDictionary(op => op.Name);
        Assert.That(recording.Calls, Has.Count.EqualTo(2 * graph.OpsOn(Placement.Fpga).Count()));
        Assert.That(ops.Values.Select(op => op.Kind).Distinct(), Is.EquivalentTo(Enum.GetValues<GemmOpKind>()));

        foreach (var call in recording.Calls)
        {
            var op = ops[call.Op.Name];
            var (a, b) = KernelOpMapper.Operands(op, call.Inputs);
            var expected = KernelBytes.FromTensor(call.Output);
            Assert.That(RunGuarded(op, a, b, expected.Length), Is.EqualTo(expected), $"{op.Name}, image {call.Image}");
        }
    }

    [Test]
    public void The_mapping_follows_the_contract_table_for_each_kind_of_op()
    {
        var linear = KernelOpMapper.Linear(RandomLinear(new Random(1), k: 5, n: 3), new TensorType(ElementType.Int6, 7, 5), new TensorType(ElementType.Int16, 7, 3));
        Assert.That(linear.Call, Is.EqualTo(new GemmCall(1, 7, 3, 5, 0, 5, 0, 5, 1, 0, 3, 2, short.MinValue, short.MaxValue, 0)));

        var scores = KernelOpMapper.Scores(new AttentionScoresOp("s", "q", "k", "o", 3, 4, 1 << 30, 30), new TensorType(ElementType.Int6, 6, 12), new TensorType(ElementType.Int16, 18, 6));
        Assert.That(scores.Call, Is.EqualTo(new GemmCall(3, 6, 6, 4, 4, 12, 4, 12, 1, 36, 6, 2, short.MinValue, short.MaxValue, GemmFlags.PerTensor | GemmFlags.All8Bit)));
        Assert.That((scores.RowIs8, scores.Bias, scores.Multiplier, scores.Shift), Is.EqualTo((new byte[] { 1 }, new[] { 0 }, new[] { 1 << 30 }, new byte[] { 30 })));

        var context = KernelOpMapper.Context(new AttentionContextOp("c", "p", "v", "o", 3, 4, 1 << 30, 30), new TensorType(ElementType.Int8, 6, 12), new TensorType(ElementType.Int6, 6, 12));
        Assert.That(context.Call, Is.EqualTo(new GemmCall(3, 6, 4, 6, 36, 6, 24, 6, 1, 4, 12, 1, -32, 31, GemmFlags.PerTensor | GemmFlags.All8Bit)));
        Assert.That(GemmCall.FromArray(context.Call.ToArray()), Is.EqualTo(context.Call));
        Assert.That(GemmCall.ScalarNames, Has.Count.EqualTo(GemmCall.ScalarCount));
    }

    [Test]
    public void Attention_value_is_laid_out_per_head_transposed_so_every_b_read_has_unit_column_stride()
    {
        // V: 2 tokens × (2 heads × 3); element (token j, head h, dim r) = 10·j + 3·h + r.
        var value = new sbyte[] { 0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15 };
        Assert.That(KernelOperandLayout.TransposeValue(value, tokens: 2, heads: 2, headDim: 3),
            Is.EqualTo(new sbyte[] { 0, 10, 1, 11, 2, 12, 3, 13, 4, 14, 5, 15 }));
        Assert.That(() => KernelOperandLayout.TransposeValue(value, tokens: 3, heads: 2, headDim: 3), Throws.ArgumentException);
        var ops = KernelOpMapper.Map(CodegenFixtures.SmallGraph);
        Assert.That(ops.Select(op => op.Call.BColStride), Is.All.EqualTo(1));
    }

    [Test]
    public void A_call_beyond_the_configuration_returns_its_status_and_writes_nothing()
    {
        var op = KernelOpMapper.Linear(RandomLinear(new Random(2), k: 10, n: 6), new TensorType(ElementType.Int6, 2, 10), new TensorType(ElementType.Int8, 2, 6));
        var a = new sbyte[20];
        var output = Enumerable.Repeat(Guard, 12).ToArray();

        Assert.That(StridedGemm.Run(op, a, op.Weights, output, new GemmLimits(MaxReduction: 9, MaxRows: 100)), Is.EqualTo(GemmStatus.ReductionTooLong));
        Assert.That(StridedGemm.Run(op, a, op.Weights, output, new GemmLimits(MaxReduction: 10, MaxRows: 5)), Is.EqualTo(GemmStatus.TooManyRows));
        Assert.That(StridedGemm.Run(op with { Call = op.Call with { OutBytes = 4 } }, a, op.Weights, output), Is.EqualTo(GemmStatus.BadOutputBytes));
        Assert.That(StridedGemm.Run(op with { Call = op.Call with { M = 0 } }, a, op.Weights, output), Is.EqualTo(GemmStatus.NonPositiveDimension));
        Assert.That(output, Is.All.EqualTo(Guard));
        Assert.That(StridedGemm.Run(op, a, op.Weights, output, new GemmLimits(MaxReduction: 10, MaxRows: 6)), Is.EqualTo(GemmStatus.Ok));
    }

    [Test]
    public void Per_tensor_calls_are_not_bounded_by_max_rows()
    {
        var op = KernelOpMapper.Scores(new AttentionScoresOp("s", "q", "k", "o", 1, 2, 1 << 30, 30), new TensorType(ElementType.Int6, 9, 2), new TensorType(ElementType.Int16, 9, 9));
        var output = new byte[9 * 9 * 2];
        Assert.That(StridedGemm.Run(op, new sbyte[18], new sbyte[18], output, new GemmLimits(MaxReduction: 2, MaxRows: 1)), Is.EqualTo(GemmStatus.Ok));
    }

    /// <summary>Runs the call into a buffer with guard bytes after the output and checks they are untouched.</summary>
    private static byte[] RunGuarded(KernelOp op, sbyte[] a, sbyte[] b, int outputBytes)
    {
        var buffer = Enumerable.Repeat(Guard, outputBytes + GuardBytes).ToArray();
        Assert.That(StridedGemm.Run(op, a, b, buffer), Is.EqualTo(GemmStatus.Ok), op.Name);
        Assert.That(buffer[outputBytes..], Is.All.EqualTo(Guard), $"{op.Name} wrote past its output");
        return buffer[..outputBytes];
    }

    private static LinearOp RandomLinear(Random random, int k, int n)
    {
        var is8 = Enumerable.Range(0, n).Select(_ => random.Next(2) == 0).ToArray();
        var weights = new sbyte[n * k];
        for (int r = 0; r < n; r++)
        {
            for (int j = 0; j < k; j++) weights[r * k + j] = (sbyte)(is8[r] ? random.Next(-128, 128) : random.Next(-8, 8));
        }
        var bias = Enumerable.Range(0, n).Select(_ => random.Next(-(1 << 16), 1 << 16)).ToArray();
        var multiplier = Enumerable.Range(0, n).Select(_ => Multiplier(random)).ToArray();
        var shift = Enumerable.Range(0, n).Select(_ => (byte)random.Next(24, 40)).ToArray();
        return new LinearOp("linear", "x", "y", k, n, weights, is8, bias, multiplier, shift, new float[n], null);
    }

    /// <summary>A multiplier in 2^30 ≤ |M| &lt; 2^31, either sign (numerics §4).</summary>
    private static int Multiplier(Random random)
    {
        int magnitude = random.Next(1 << 30, int.MaxValue);
        return random.Next(2) == 0 ? magnitude : -magnitude;
    }

    private static TensorData Activations(Random random, TensorType type) =>
        TensorData.Int8(type, Enumerable.Range(0, type.ElementCount).Select(_ => (sbyte)random.Next(QuantFormats.ActivationMin, QuantFormats.ActivationMax + 1)).ToArray());

    private static TensorData Int8(Random random, TensorType type) =>
        TensorData.Int8(type, Enumerable.Range(0, type.ElementCount).Select(_ => (sbyte)random.Next(-128, 128)).ToArray());
}
