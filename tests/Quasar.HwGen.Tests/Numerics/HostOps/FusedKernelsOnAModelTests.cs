using Quasar.HwGen.Core.Execution;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;
using Quasar.HwGen.Core.Lowering;
using Quasar.HwGen.Core.Numerics.HostOps;
using Quasar.HwGen.Tests.Lowering;

namespace Quasar.HwGen.Tests.Numerics.HostOps;

/// <summary>
/// On a lowered model, each fused host kernel fed the interpreter's inputs gives the interpreter's outputs bit for
/// bit, on every width: a runtime built from the fused kernels computes what the interpreter computes.
/// </summary>
[TestFixture]
public sealed class FusedKernelsOnAModelTests
{
    private static readonly IrGraph Graph = VitLowering.Lower(RandomVitInitializer.Create(LoweringTests.SmallArchitecture(), seed: 7), LoweringTests.Images(2));

    [TestCaseSource(typeof(HostSimdCases), nameof(HostSimdCases.All))]
    public void Every_fused_kernel_reproduces_the_interpreter(HostSimd simd)
    {
        var producers = Graph.Ops.ToDictionary(op => op.Output);
        var checkedKinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var image in LoweringTests.Images(3, skip: 10))
        {
            var values = new IrInterpreter(Graph, new EmulatedEngine()).RunAll(image);
            foreach (var op in Graph.Ops)
            {
                string? kind = op switch
                {
                    QuantizeOp quantize => CheckQuantize(quantize, producers[quantize.Input], values, image, simd),
                    ResidualAddOp add => CheckResidualAdd(add, values, simd),
                    PositionEmbeddingOp position => CheckTokenEmbedding(position, (ClassTokenOp)producers[position.Input], values, simd),
                    _ => null,
                };
                if (kind is not null) checkedKinds.Add(kind);
            }
        }
        Assert.That(checkedKinds, Is.EquivalentTo(new[]
        {
            nameof(PatchQuantizeTable), nameof(LayerNormQuantize), nameof(SoftmaxQuantize), nameof(GeluQuantizeTable),
            nameof(ResidualAdd), nameof(TokenEmbedding), "SelectRow+LayerNormQuantize",
        }));
    }

    private static string CheckQuantize(QuantizeOp quantize, IrOp producer, Dictionary<string, TensorData> values, byte[] image, HostSimd simd)
    {
        var expected = values[quantize.Output];
        var type = expected.Type;
        var actual = new sbyte[type.ElementCount];
        string kind;
        switch (producer)
        {
            case PatchifyOp patchify:
                PatchQuantizeTable.Create(patchify.Mean, patchify.Std, type.Step, type.Min, type.Max).Apply(image, patchify.ImageSize, patchify.PatchSize, actual);
                kind = nameof(PatchQuantizeTable);
                break;
            case LayerNormOp norm:
                var x = values[norm.Input];
                LayerNormQuantize.Apply(x.Floats, x.Type.Columns, norm.Gamma, norm.Beta, norm.Epsilon, type.Step, type.Min, type.Max, actual, simd);
                kind = nameof(LayerNormQuantize);
                break;
            case SoftmaxOp softmax:
                var scores = values[softmax.Input];
                SoftmaxQuantize.Apply(scores.Shorts, scores.Type.Columns, scores.Type.Step, type.Step, type.Min, type.Max, actual, simd);
                kind = nameof(SoftmaxQuantize);
                break;
            case GeluOp gelu:
                var hidden = values[gelu.Input];
                GeluQuantizeTable.Create(hidden.Type.Step, type.Step, type.Min, type.Max).Apply(hidden.Shorts, actual);
                kind = nameof(GeluQuantizeTable);
                break;
            case SelectRowOp select:
                // The final LayerNorm is row-wise: normalizing only the selected row gives that row of the full one.
                var normOp = (LayerNormOp)Graph.Ops.Single(op => op.Output == select.Input);
                var stream = values[normOp.Input];
                var row = stream.Floats.AsSpan(select.Row * stream.Type.Columns, stream.Type.Columns);
                LayerNormQuantize.Apply(row, row.Length, normOp.Gamma, normOp.Beta, normOp.Epsilon, type.Step, type.Min, type.Max, actual, simd);
                kind = "SelectRow+LayerNormQuantize";
                break;
            default:
                throw new AssertionException($"{quantize.Name} quantizes the output of an unexpected {producer.GetType().Name}");
        }
        Assert.That(actual, Is.EqualTo(expected.Bytes), $"{kind} for {quantize.Name}");
        return kind;
    }

    private static string CheckResidualAdd(ResidualAddOp add, Dictionary<string, TensorData> values, HostSimd simd)
    {
        var branch = values[add.Branch];
        var actual = new float[branch.Type.ElementCount];
        ResidualAdd.Apply(values[add.Stream].Floats, branch.Shorts, branch.Type.Step, actual, simd);
        Assert.That(HostSimdCases.Bits(actual), Is.EqualTo(HostSimdCases.Bits(values[add.Output].Floats)), add.Name);
        return nameof(ResidualAdd);
    }

    private static string CheckTokenEmbedding(PositionEmbeddingOp position, ClassTokenOp classToken, Dictionary<string, TensorData> values, HostSimd simd)
    {
        var patches = values[classToken.Input];
        var actual = new float[position.Table.Length];
        TokenEmbedding.Apply(patches.Shorts, patches.Type.Step, classToken.Token, position.Table, actual, simd);
        Assert.That(HostSimdCases.Bits(actual), Is.EqualTo(HostSimdCases.Bits(values[position.Output].Floats)), position.Name);
        return nameof(TokenEmbedding);
    }
}
