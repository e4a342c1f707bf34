using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;

namespace Quasar.HwGen.Tests.Ir;

/// <summary>Each rule of the verifier, pinned by its stable code and message.</summary>
[TestFixture]
public sealed class IrVerifierTests
{
    private static IrGraph Graph => TinyGraphs.PatchLinear();

    private static LinearOp Linear(IrGraph graph) => graph.Ops.OfType<LinearOp>().Single();

    private static IrGraph WithLinear(IrGraph graph, LinearOp linear) =>
        graph with { Ops = [.. graph.Ops.Select(op => op is LinearOp ? linear : op)] };

    private static IrDiagnostic Single(IrGraph graph) => IrVerifier.Verify(graph).Single();

    [Test]
    public void The_tiny_graph_is_valid()
    {
        Assert.That(IrVerifier.Verify(Graph), Is.Empty);
    }

    [Test]
    public void A_duplicate_tensor_is_QIR001()
    {
        var graph = Graph with { Tensors = [.. Graph.Tensors, Graph.Tensors[0]] };

        Assert.That(Single(graph).ToString(), Is.EqualTo("QIR001 patches: tensor is declared more than once"));
    }

    [Test]
    public void An_undeclared_input_is_QIR002()
    {
        var graph = Graph with { Ops = [.. Graph.Ops.Select(op => op is QuantizeOp q ? q with { Input = "nowhere" } : op)] };

        Assert.That(IrVerifier.Verify(graph).Select(d => d.ToString()),
            Does.Contain("QIR002 quantize: input 'nowhere' is not a tensor of the graph"));
    }

    [Test]
    public void Using_a_tensor_before_its_op_is_QIR003()
    {
        var ops = Graph.Ops.ToList();
        (ops[1], ops[2]) = (ops[2], ops[1]);

        Assert.That(IrVerifier.Verify(Graph with { Ops = ops }).Select(d => d.Code), Does.Contain(IrDiagnosticCodes.UseBeforeDefinition));
    }

    [Test]
    public void Defining_a_tensor_twice_is_QIR004()
    {
        var graph = Graph with { Ops = [.. Graph.Ops, new DequantizeOp("again", "embed", "out")] };

        Assert.That(Single(graph).ToString(), Is.EqualTo("QIR004 again: output 'out' is already defined by an earlier op"));
    }

    [Test]
    public void A_float_tensor_fed_to_the_engine_is_QIR005()
    {
        var graph = WithLinear(Graph, Linear(Graph) with { Input = "patches" });

        Assert.That(IrVerifier.Verify(graph).First().ToString(), Is.EqualTo("QIR005 embed: input 'patches' must be Int6, is Float32"));
    }

    [Test]
    public void A_softmax_of_float_scores_is_QIR005_and_of_integer_scores_valid()
    {
        IrGraph WithSoftmaxOf(string scores) => Graph with
        {
            Tensors = [.. Graph.Tensors, new TensorValue("p", new TensorType(ElementType.Float32, 4, 3))],
            Ops = [.. Graph.Ops, new SoftmaxOp("softmax", scores, "p")],
        };

        Assert.That(Single(WithSoftmaxOf("out")).ToString(),
            Is.EqualTo("QIR005 softmax: input 'out' must be an integer tensor (softmax is defined on integer scores)"));
        Assert.That(IrVerifier.Verify(WithSoftmaxOf("embed")), Is.Empty);
    }

    [Test]
    public void A_linear_whose_output_shape_disagrees_is_QIR006()
    {
        var tensors = Graph.Tensors.Select(t => t.Name == "embed" ? t with { Type = t.Type with { Columns = 5 } } : t).ToList();

        var diagnostics = IrVerifier.Verify(Graph with { Tensors = tensors });

        Assert.That(diagnostics.Select(d => d.ToString()), Does.Contain("QIR006 embed: output must be 4x3, is 4x5"));
    }

    [Test]
    public void A_bias_of_the_wrong_length_is_QIR007()
    {
        var graph = WithLinear(Graph, Linear(Graph) with { Bias = [1, 2] });

        Assert.That(Single(graph).ToString(), Is.EqualTo("QIR007 embed: bias has 2 elements, needs 3"));
    }

    [Test]
    public void An_8_bit_value_in_a_4_bit_row_is_QIR008()
    {
        var weights = (sbyte[])Linear(Graph).Weights.Clone();
        weights[4 + 2] = 9;

        var graph = WithLinear(Graph, Linear(Graph) with { Weights = weights });

        Assert.That(Single(graph).ToString(), Is.EqualTo("QIR008 embed: row 1 is 4-bit but weight [1,2] = 9 is outside [-8, 7]"));
    }

    [Test]
    public void A_shift_of_zero_is_QIR009()
    {
        var graph = WithLinear(Graph, Linear(Graph) with { Shift = [0, 38, 45] });

        Assert.That(Single(graph).ToString(), Is.EqualTo("QIR009 embed: row 0: shift 0 is outside [1, 62]"));
    }

    [Test]
    public void An_unnormalized_multiplier_is_QIR010()
    {
        var graph = WithLinear(Graph, Linear(Graph) with { Multiplier = [12345, 1 << 30, 1 << 30] });

        Assert.That(Single(graph).ToString(), Is.EqualTo("QIR010 embed: row 0: multiplier 12345 is not in ±[2^30, 2^31) and the shift is not 62"));
    }

    [Test]
    public void A_zero_step_is_QIR011()
    {
        var tensors = Graph.Tensors.Select(t => t.Name == "patches_q" ? t with { Type = t.Type with { Step = 0 } } : t).ToList();

        Assert.That(IrVerifier.Verify(Graph with { Tensors = tensors }).Select(d => d.Code), Does.Contain(IrDiagnosticCodes.BadStep));
    }

    [Test]
    public void Attention_with_a_wrong_head_layout_is_QIR012()
    {
        var tensors = new List<TensorValue>
        {
            new("x", new TensorType(ElementType.Float32, 4, 4)),
            new("q", new TensorType(ElementType.Int6, 4, 4, 0.1f)),
            new("k", new TensorType(ElementType.Int8, 4, 4, 0.1f)),
            new("s", new TensorType(ElementType.Int16, 12, 4, 0.1f)),
        };
        var ops = new List<IrOp>
        {
            new PatchifyOp("patchify", "x", 1, 4, 2, [0f], [1f]),
            new QuantizeOp("quantize_q", "x", "q"),
            new QuantizeOp("quantize_k", "x", "k"),
            new AttentionScoresOp("scores", "q", "k", "s", Heads: 3, HeadDim: 4, Multiplier: 1 << 30, Shift: 40),
        };

        var diagnostics = IrVerifier.Verify(new IrGraph("attention", tensors, ops, "s", new Dictionary<string, string>()));

        Assert.That(diagnostics.Select(d => d.ToString()), Is.EqualTo(new[] { "QIR012 scores: query and key need 3 heads x 4 = 12 columns, have 4 and 4" }));
    }

    [Test]
    public void Huge_dimensions_are_reported_as_they_are_not_wrapped_around()
    {
        // A hostile package's heads × head_dim and patch counts overflowed an int into a plausible-looking number.
        var huge = new AttentionScoresOp("scores", "q", "k", "s", Heads: 2_000_000_000, HeadDim: 32, Multiplier: 1 << 30, Shift: 40);
        var patchify = new PatchifyOp("patchify", "x", 1, 2_000_000_000, 4, [0f], [1f]);
        var tensors = new List<TensorValue>
        {
            new("x", new TensorType(ElementType.Float32, 49, 16)),
            new("q", new TensorType(ElementType.Int6, 4, 96, 0.1f)),
            new("k", new TensorType(ElementType.Int8, 4, 96, 0.1f)),
            new("s", new TensorType(ElementType.Int16, 12, 4, 0.1f)),
        };
        var ops = new List<IrOp> { patchify, new QuantizeOp("quantize_q", "x", "q"), new QuantizeOp("quantize_k", "x", "k"), huge };

        var messages = IrVerifier.Verify(new IrGraph("huge", tensors, ops, "s", new Dictionary<string, string>())).Select(d => d.ToString()).ToList();

        Assert.That(messages, Has.Some.Contains("2000000000 heads x 32 = 64000000000 columns"));
        Assert.That(messages, Has.Some.Contains("output must be 250000000000000000x16"));
    }

    [Test]
    public void An_undefined_graph_output_is_QIR013()
    {
        var graph = Graph with { Output = "patches_q", Ops = [.. Graph.Ops.Take(1)] };

        Assert.That(Single(graph).ToString(), Is.EqualTo("QIR013 tiny: graph output 'patches_q' is not defined by any op"));
    }

    [Test]
    public void A_duplicate_op_name_is_QIR014()
    {
        var graph = Graph with { Ops = [.. Graph.Ops.Select(op => op is DequantizeOp d ? d with { Name = "embed" } : op)] };

        Assert.That(Single(graph).ToString(), Is.EqualTo("QIR014 embed: op name is used more than once"));
    }

    [Test]
    public void A_patch_size_that_does_not_divide_the_image_is_QIR015()
    {
        var graph = Graph with { Ops = [.. Graph.Ops.Select(op => op is PatchifyOp p ? p with { PatchSize = 3 } : op)] };

        Assert.That(IrVerifier.Verify(graph).First().ToString(), Is.EqualTo("QIR015 patchify: patch size 3 must divide image size 4"));
    }

    [Test]
    public void A_bias_that_can_overflow_the_accumulator_is_QIR020()
    {
        var graph = WithLinear(Graph, Linear(Graph) with { Bias = [int.MaxValue, 0, 0] });

        Assert.That(Single(graph).Code, Is.EqualTo(IrDiagnosticCodes.AccumulatorOverflow));
    }

    [Test]
    public void The_exception_names_the_stage_and_lists_the_codes()
    {
        var graph = WithLinear(Graph, Linear(Graph) with { Bias = [1, 2] });

        var error = Assert.Throws<IrVerificationException>(() => IrVerifier.ThrowIfInvalid(graph, "a test pass"))!;

        Assert.That(error.Message, Does.StartWith("IR verification failed after a test pass (1 problem(s)):").And.Contain("QIR007 embed"));
    }

    [TestCase(float.NaN)]
    [TestCase(float.PositiveInfinity)]
    [TestCase(float.NegativeInfinity)]
    public void A_non_finite_weight_scale_is_QIR016_naming_the_op_and_parameter(float value)
    {
        var graph = WithLinear(Graph, Linear(Graph) with { WeightScales = [0.01f, value, 0.1f] });

        Assert.That(Single(graph).ToString(), Is.EqualTo(
            $"QIR016 embed: parameter WeightScales[1] is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}; every parameter must be a finite number (was the model trained to NaN?)"));
    }

    [Test]
    public void A_non_finite_normalization_std_is_QIR016()
    {
        var graph = Graph with { Ops = [.. Graph.Ops.Select(op => op is PatchifyOp p ? p with { Std = [float.NaN] } : op)] };

        Assert.That(IrVerifier.Verify(graph).Select(d => d.ToString()), Does.Contain(
            "QIR016 patchify: parameter Std[0] is NaN; every parameter must be a finite number (was the model trained to NaN?)"));
    }

    [Test]
    public void A_non_finite_layer_norm_epsilon_is_QIR016()
    {
        var tensors = new List<TensorValue>
        {
            new("x", new TensorType(ElementType.Float32, 4, 4)),
            new("patches_q", new TensorType(ElementType.Int6, 4, 4, 0.125f)),
            new("y", new TensorType(ElementType.Float32, 4, 4)),
        };
        var graph = new IrGraph("ln", tensors,
            [new PatchifyOp("patchify", "x", 1, 4, 2, [0.5f], [0.25f]), new LayerNormOp("norm", "x", "y", [1, 1, 1, 1], [0, 0, 0, 0], float.PositiveInfinity)],
            "y", new Dictionary<string, string>());

        Assert.That(IrVerifier.Verify(graph).Select(d => d.ToString()), Does.Contain(
            "QIR016 norm: parameter Epsilon is Infinity; every parameter must be a finite number (was the model trained to NaN?)"));
    }
}
