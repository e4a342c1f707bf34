using Quasar.HwGen.Core.Lowering;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Quasar.HwGen.Bench.FloatModel;

/// <summary>
/// One pre-norm block in float32: LN1 → qkv → softmax(Q·Kᵀ/√d)·V per head → proj → residual; LN2 → fc1 → GELU (erf)
/// → fc2 → residual. Built from a <see cref="FloatBlock"/> with two foldings a deployed float model would make, as the
/// integer lowering makes them too: 1/√d into the Q rows of qkv, SLS λ1 and λ2 into the rows of proj and fc2.
/// </summary>
public sealed class FloatVitBlock : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm norm1;
    private readonly Linear qkv;
    private readonly Linear proj;
    private readonly LayerNorm norm2;
    private readonly Linear fc1;
    private readonly Linear fc2;
    private readonly MacCounter counter;

    public FloatVitBlock(string name, FloatBlock block, BlockArchitecture shape, MacCounter counter) : base(name)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(shape);
        Heads = shape.Heads;
        HeadDim = shape.HeadDim;
        this.counter = counter;
        int width = shape.AttentionDim;
        float temperature = (float)(1.0 / Math.Sqrt(HeadDim));
        norm1 = FloatLayers.LayerNorm(block.Norm1Gamma, block.Norm1Beta);
        qkv = FloatLayers.Linear(block.Qkv, row => row < width ? temperature : 1f);
        proj = FloatLayers.Linear(block.Proj, row => block.Sls1[row]);
        norm2 = FloatLayers.LayerNorm(block.Norm2Gamma, block.Norm2Beta);
        fc1 = FloatLayers.Linear(block.Fc1, _ => 1f);
        fc2 = FloatLayers.Linear(block.Fc2, row => block.Sls2[row]);
        RegisterComponents();
    }

    public int Heads { get; }

    public int HeadDim { get; }

    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = NewDisposeScope();
        long batch = input.shape[0], tokens = input.shape[1], groups = batch * Heads;

        // [3, B, H, T, d] contiguous, then 3-D bmm per (image, head): as the supernet computes attention.
        var qkvOut = counter.Linear(qkv, norm1.forward(input)).view(batch, tokens, 3, Heads, HeadDim).permute(2, 0, 3, 1, 4).contiguous();
        var q = qkvOut[0].view(groups, tokens, HeadDim);
        var k = qkvOut[1].view(groups, tokens, HeadDim);
        var v = qkvOut[2].view(groups, tokens, HeadDim);
        var probabilities = counter.Bmm(q, k.transpose(1, 2)).softmax(-1);
        var context = counter.Bmm(probabilities, v).view(batch, Heads, tokens, HeadDim).transpose(1, 2).reshape(batch, tokens, Heads * HeadDim);
        var x = input + counter.Linear(proj, context);

        var hidden = nn.functional.gelu(counter.Linear(fc1, norm2.forward(x)));
        return (x + counter.Linear(fc2, hidden)).MoveToOuterDisposeScope();
    }
}
