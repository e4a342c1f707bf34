using Quasar.HwGen.Core.Ir.Ops;
using Quasar.HwGen.Core.Numerics.HostOps;
using Quasar.Runtime.Planning;

namespace Quasar.Runtime.Steps;

/// <summary>
/// The host ops that run as one pass, recognised in the graph: an op and the quantize that alone reads its float output
/// (patchify, LayerNorm, softmax, GELU), the final LayerNorm of which only one row is kept (LayerNorm is row-wise, so
/// normalizing that row alone gives its bits), the class token with the position embedding, the residual add of an
/// integer branch, and a plain quantize. Fused kernels compute the bits of the unfused reference (docs/numerics.md §6).
/// </summary>
internal static class HostFusion
{
    public static bool TryFuse(IrOp op, GraphUses uses, IReadOnlyDictionary<string, TensorSlot> slots, SessionOptions options,
        out IStep step, out IReadOnlyList<IrOp> consumed)
    {
        var simd = options.Simd;
        consumed = [];
        step = null!;
        var quantize = uses.OnlyReader<QuantizeOp>(op.Output);
        var q = quantize is null ? null : slots[quantize.Output];
        switch (op)
        {
            case PatchifyOp patchify when q is not null:
            {
                var table = PatchQuantizeTable.Create(patchify.Mean, patchify.Std, q.Type.Step, q.Type.Min, q.Type.Max);
                step = new HostStep($"{op.Name}+quantize", "patchify+quantize", [q], f => table.Apply(f.Image, patchify.ImageSize, patchify.PatchSize, f.Bytes(q)));
                break;
            }
            case LayerNormOp norm when q is not null && slots[norm.Input].IsFloat:
            {
                var input = slots[norm.Input];
                step = new HostStep($"{op.Name}+quantize", "layernorm+quantize", [input, q], f => LayerNormQuantize.Apply(
                    f.Floats(input), input.Type.Columns, norm.Gamma, norm.Beta, norm.Epsilon, q.Type.Step, q.Type.Min, q.Type.Max, f.Bytes(q), simd));
                break;
            }
            case LayerNormOp norm when slots[norm.Input].IsFloat && uses.OnlyReader<SelectRowOp>(norm.Output) is { } select:
            {
                TensorSlot input = slots[norm.Input], output = slots[select.Output];
                int columns = input.Type.Columns;
                step = new HostStep($"{op.Name}+{select.Name}", "layernorm of one row", [input, output], f => LayerNorm.Apply(
                    f.Floats(input).AsSpan(select.Row * columns, columns), columns, norm.Gamma, norm.Beta, f.Floats(output), norm.Epsilon, simd));
                consumed = [select];
                return true;
            }
            case SoftmaxOp softmax when q is not null && slots[softmax.Input].IsShort:
            {
                var input = slots[softmax.Input];
                var exponential = SoftmaxExponential.For(input.Type.Step);
                step = new HostStep($"{op.Name}+quantize", "softmax+quantize", [input, q], f => SoftmaxQuantize.Apply(
                    f.Shorts(input), input.Type.Columns, exponential, q.Type.Step, q.Type.Min, q.Type.Max, f.Bytes(q), simd));
                break;
            }
            case GeluOp gelu when q is not null && slots[gelu.Input].IsShort:
            {
                var input = slots[gelu.Input];
                var table = GeluQuantizeTable.Create(input.Type.Step, q.Type.Step, q.Type.Min, q.Type.Max);
                step = new HostStep($"{op.Name}+quantize", "gelu+quantize", [input, q], f => table.Apply(f.Shorts(input), f.Bytes(q), simd));
                break;
            }
            case ClassTokenOp cls when slots[cls.Input].IsShort && uses.OnlyReader<PositionEmbeddingOp>(cls.Output) is { } position:
            {
                var input = slots[cls.Input];
                var output = slots[position.Output];
                step = new HostStep($"{op.Name}+{position.Name}", "class token+position", [input, output], f => TokenEmbedding.Apply(
                    f.Shorts(input), input.Type.Step, cls.Token, position.Table, f.Floats(output), simd));
                consumed = [position];
                return true;
            }
            case ResidualAddOp add when slots[add.Stream].IsFloat && slots[add.Branch].IsShort:
            {
                TensorSlot stream = slots[add.Stream], branch = slots[add.Branch], output = slots[add.Output];
                step = new HostStep(op.Name, "residual add", [stream, branch, output], f => ResidualAdd.Apply(
                    f.Floats(stream), f.Shorts(branch), branch.Type.Step, f.Floats(output), simd));
                return true;
            }
            case QuantizeOp plain when slots[plain.Input].IsFloat:
            {
                TensorSlot input = slots[plain.Input], output = slots[plain.Output];
                step = new HostStep(op.Name, "quantize", [input, output], f => Quantizer.Apply(
                    f.Floats(input), output.Type.Step, output.Type.Min, output.Type.Max, f.Bytes(output), simd));
                return true;
            }
            default:
                return false;
        }
        if (step is null) return false;
        consumed = [quantize!];
        return true;
    }
}
