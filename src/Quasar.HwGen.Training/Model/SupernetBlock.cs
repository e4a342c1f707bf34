using Quasar.HwGen.Training.Quantization;
using Quasar.HwGen.Training.Spaces;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Quasar.HwGen.Training.Native;

namespace Quasar.HwGen.Training.Model;

/// <summary>
/// A pre-norm transformer block of the supernet (docs/numerics.md §5): LN1 → quantize → qkv → Q (6-bit), K, V
/// (int8) → softmax(Q·Kᵀ/√d) → quantize P (6-bit) → P·V → quantize → proj → SLS λ1 → residual; LN2 → quantize → fc1
/// → GELU (erf) → quantize → fc2 → SLS λ2 → residual. Every weight and λ is sliced to the subnet; quantizer steps are
/// shared by all subnets.
/// </summary>
public sealed class SupernetBlock : nn.Module<Tensor, BlockSlice, Tensor>
{
    /// <summary>SLS λ at initialization. CaiT uses 0.1 for depth ≤ 18 on ImageNet; 1.0 learned faster in short runs on the
    /// Fashion-MNIST spaces (tiny space, 48 steps: train loss 2.02 vs 2.08).</summary>
    public const float InitialLayerScale = 1.0f;

    private readonly ElasticLayerNorm norm1;
    private readonly ActivationQuantizer qkv_input;
    private readonly ElasticLinear qkv;
    private readonly ActivationQuantizer query;
    private readonly ActivationQuantizer key;
    private readonly ActivationQuantizer value;
    private readonly ActivationQuantizer probabilities;
    private readonly ActivationQuantizer proj_input;
    private readonly ElasticLinear proj;
    private readonly Parameter sls1;
    private readonly ElasticLayerNorm norm2;
    private readonly ActivationQuantizer fc1_input;
    private readonly ElasticLinear fc1;
    private readonly ActivationQuantizer fc2_input;
    private readonly ElasticLinear fc2;
    private readonly Parameter sls2;

    public SupernetBlock(string name, SupernetSpec spec) : base(name)
    {
        ArgumentNullException.ThrowIfNull(spec);
        HeadDim = spec.HeadDim;
        int d = spec.MaxEmbed, attention = spec.MaxAttentionDim, hidden = spec.MaxMlpHidden;
        norm1 = new ElasticLayerNorm("norm1", d);
        qkv_input = new ActivationQuantizer("qkv_input", ActivationQuantizer.SixBitMax);
        qkv = new ElasticLinear("qkv", d, attention, rowGroups: 3);
        query = new ActivationQuantizer("query", ActivationQuantizer.SixBitMax);
        key = new ActivationQuantizer("key", ActivationQuantizer.Int8Max);
        value = new ActivationQuantizer("value", ActivationQuantizer.Int8Max);
        probabilities = new ActivationQuantizer("probabilities", ActivationQuantizer.SixBitMax);
        proj_input = new ActivationQuantizer("proj_input", ActivationQuantizer.SixBitMax);
        proj = new ElasticLinear("proj", attention, d);
        sls1 = new Parameter(full(d, InitialLayerScale), requires_grad: true);
        norm2 = new ElasticLayerNorm("norm2", d);
        fc1_input = new ActivationQuantizer("fc1_input", ActivationQuantizer.SixBitMax);
        fc1 = new ElasticLinear("fc1", d, hidden);
        fc2_input = new ActivationQuantizer("fc2_input", ActivationQuantizer.SixBitMax);
        fc2 = new ElasticLinear("fc2", hidden, d);
        sls2 = new Parameter(full(d, InitialLayerScale), requires_grad: true);
        RegisterComponents();
        qkv.InputStep = EnabledStep(qkv_input);
        proj.InputStep = EnabledStep(proj_input);
        fc1.InputStep = EnabledStep(fc1_input);
        fc2.InputStep = EnabledStep(fc2_input);
    }

    public int HeadDim { get; }

    /// <summary>The quantizer's step while it quantizes (QAT), nothing in float mode.</summary>
    internal static Func<float?> EnabledStep(ActivationQuantizer quantizer) => () => quantizer.Enabled ? quantizer.StepValue : null;

    public ElasticLayerNorm Norm1 => norm1;
    public ElasticLinear Qkv => qkv;
    public ElasticLinear Proj => proj;
    public Parameter Sls1 => sls1;
    public ElasticLayerNorm Norm2 => norm2;
    public ElasticLinear Fc1 => fc1;
    public ElasticLinear Fc2 => fc2;
    public Parameter Sls2 => sls2;
    public ActivationQuantizer QkvInput => qkv_input;
    public ActivationQuantizer Query => query;
    public ActivationQuantizer Key => key;
    public ActivationQuantizer Value => value;
    public ActivationQuantizer Probabilities => probabilities;
    public ActivationQuantizer ProjInput => proj_input;
    public ActivationQuantizer Fc1Input => fc1_input;
    public ActivationQuantizer Fc2Input => fc2_input;

    public LinearSlice QkvSlice(BlockSlice slice) => new(slice.Layer.Heads * HeadDim, slice.Embed, slice.Layer.Qkv8);
    public LinearSlice ProjSlice(BlockSlice slice) => new(slice.Embed, slice.Layer.Heads * HeadDim, slice.Layer.Proj8);
    public static LinearSlice Fc1Slice(BlockSlice slice) => new(SupernetSpec.MlpHidden(slice.Embed, slice.Layer.MlpRatio), slice.Embed, slice.Layer.Fc1Row8);
    public static LinearSlice Fc2Slice(BlockSlice slice) => new(slice.Embed, SupernetSpec.MlpHidden(slice.Embed, slice.Layer.MlpRatio), slice.Layer.Fc2Row8);

    public override Tensor forward(Tensor input, BlockSlice slice)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(slice);
        using var scope = NewDisposeScope();
        long batch = input.shape[0], tokens = input.shape[1];
        int heads = slice.Layer.Heads;

        var h = qkv_input.forward(norm1.forward(input));
        // [3, B, H, T, d], contiguous: 3-D bmm on contiguous operands is markedly faster on the CPU than 4-D matmul
        // on strided views (backward especially). Quantizers see [B, H, T, ·] so their N per sample is per image.
        var qkvOut = qkv.forward(h, QkvSlice(slice)).view(batch, tokens, 3, heads, HeadDim).permute(2, 0, 3, 1, 4).contiguous();
        long groups = batch * heads;
        var q = query.forward(qkvOut[0]).view(groups, tokens, HeadDim);
        var k = key.forward(qkvOut[1]).view(groups, tokens, HeadDim);
        var v = value.forward(qkvOut[2]).view(groups, tokens, HeadDim);
        using var temperature = (1.0 / Math.Sqrt(HeadDim)).ToScalar(); // held alive across the native call, see WeightFakeQuant
        var scores = q.bmm(k.transpose(1, 2)).mul(temperature).view(batch, heads, tokens, tokens);
        var p = probabilities.forward(scores.softmax(-1)).view(groups, tokens, tokens);
        var context = p.bmm(v).view(batch, heads, tokens, HeadDim).transpose(1, 2).reshape(batch, tokens, heads * HeadDim);
        var attention = proj.forward(proj_input.forward(context), ProjSlice(slice));
        var x = TensorSum.Of(input, attention * sls1.narrow(0, 0, slice.Embed));

        var m = fc1_input.forward(norm2.forward(x));
        var hidden = nn.functional.gelu(fc1.forward(m, Fc1Slice(slice)));
        var mlp = fc2.forward(fc2_input.forward(hidden), Fc2Slice(slice));
        return TensorSum.Of(x, mlp * sls2.narrow(0, 0, slice.Embed)).MoveToOuterDisposeScope();
    }
}
