using CsCheck;
using Quasar.HwGen.Core.Execution;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;
using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.HwGen.Tests.Numerics.HostOps;

/// <summary>Class token + position embedding in one pass equals the interpreter's two ops, bit for bit.</summary>
[TestFixture]
public sealed class TokenEmbeddingTests
{
    [TestCaseSource(typeof(HostSimdCases), nameof(HostSimdCases.All))]
    public void Fused_equals_the_class_token_op_then_the_position_embedding_op(HostSimd simd)
    {
        Gen.Select(Gen.Int[1, 40], Gen.Int[1, 12]).SelectMany((channels, tokens) => Gen.Select(
            Gen.Short.Array[tokens * channels], HostGens.Values.Array[channels], HostGens.Values.Array[(tokens + 1) * channels], HostGens.Steps,
            (patches, token, position, step) => (channels, tokens, patches, token, position, step)))
            .Sample(c =>
            {
                var output = new float[c.position.Length];
                TokenEmbedding.Apply(c.patches, c.step, c.token, c.position, output, simd);

                Assert.That(HostSimdCases.Bits(output), Is.EqualTo(HostSimdCases.Bits(Interpreted(c.channels, c.tokens, c.patches, c.step, c.token, c.position))));
            }, iter: PropertyRuns.Scaled(1000));
    }

    private static float[] Interpreted(int channels, int tokens, short[] patches, float step, float[] token, float[] position)
    {
        var embedded = TensorData.Int16(new TensorType(ElementType.Int16, tokens, channels, step), patches);
        var withClass = new TensorType(ElementType.Float32, tokens + 1, channels);
        var classOp = new ClassTokenOp("class_token", "embedded", "tokens", token);
        var positionOp = new PositionEmbeddingOp("position_embedding", "tokens", "x0", position);
        var values = new Dictionary<string, TensorData> { ["embedded"] = embedded };
        values["tokens"] = IrInterpreter.Execute(classOp, withClass, values, [], new EmulatedEngine());
        return IrInterpreter.Execute(positionOp, withClass, values, [], new EmulatedEngine()).ToFloat();
    }
}
