using Quasar.HwGen.Training.Quantization;
using Quasar.HwGen.Training.Spaces;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Quasar.HwGen.Training.Native;

namespace Quasar.HwGen.Training.Model;

/// <summary>
/// The elastic, fake-quantized ViT of a search space. Input: normalized images [B, C, H, W]; output: logits of the
/// subnet selected by <see cref="Subnet"/>. Patches are flattened with row n = patch n in raster order and column
/// (c·p + i)·p + j; the patch-embedding linear, class token, position embedding, blocks, final LayerNorm (on the
/// class token) and head are all sliced to the subnet.
/// </summary>
public sealed class Supernet : nn.Module<Tensor, Tensor>
{
    private readonly ActivationQuantizer input_quantizer;
    private readonly ElasticLinear patch_embed;
    private readonly Parameter cls_token;
    private readonly Parameter pos_embed;
    private readonly ModuleList<SupernetBlock> blocks;
    private readonly ElasticLayerNorm norm;
    private readonly ActivationQuantizer head_input;
    private readonly ElasticLinear head;
    private SubnetChoice subnet;

    public Supernet(SupernetSpec spec) : base("supernet")
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        Spec = spec;
        int d = spec.MaxEmbed;
        input_quantizer = new ActivationQuantizer("input_quantizer", ActivationQuantizer.SixBitMax);
        patch_embed = new ElasticLinear("patch_embed", spec.PatchFeatures, d);
        cls_token = new Parameter(zeros(d), requires_grad: true);
        pos_embed = new Parameter(zeros(spec.Tokens, d), requires_grad: true);
        ParameterInit.TruncatedNormal(cls_token);
        ParameterInit.TruncatedNormal(pos_embed);
        blocks = new ModuleList<SupernetBlock>(Enumerable.Range(0, spec.MaxDepth).Select(i => new SupernetBlock($"block{i}", spec)).ToArray());
        norm = new ElasticLayerNorm("norm", d);
        head_input = new ActivationQuantizer("head_input", ActivationQuantizer.SixBitMax);
        head = new ElasticLinear("head", d, spec.Classes);
        subnet = new SubnetSampler(spec).Largest();
        RegisterComponents();
        patch_embed.InputStep = SupernetBlock.EnabledStep(input_quantizer);
        head.InputStep = SupernetBlock.EnabledStep(head_input);
    }

    public SupernetSpec Spec { get; }

    /// <summary>The subnet <see cref="forward"/> computes; validated against the space when set.</summary>
    public SubnetChoice Subnet
    {
        get => subnet;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            value.ValidateAgainst(Spec);
            subnet = value;
        }
    }

    public ActivationQuantizer InputQuantizer => input_quantizer;
    public ElasticLinear PatchEmbed => patch_embed;
    public Parameter ClassToken => cls_token;
    public Parameter PositionEmbedding => pos_embed;
    public IReadOnlyList<SupernetBlock> Blocks => [.. blocks];
    public ElasticLayerNorm Norm => norm;
    public ActivationQuantizer HeadInput => head_input;
    public ElasticLinear Head => head;

    public LinearSlice PatchEmbedSlice(SubnetChoice choice) => new(choice.Embed, Spec.PatchFeatures, choice.PatchEmbedRow8);

    public LinearSlice HeadSlice(SubnetChoice choice) => new(Spec.Classes, choice.Embed, choice.HeadRow8);

    /// <summary>[B, C, H, W] → [B, patches, C·p·p] with row n = patch n (raster order), column (c·p + i)·p + j.</summary>
    public Tensor Patchify(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        long b = images.shape[0];
        int c = Spec.Channels, p = Spec.PatchSize, g = Spec.ImageSize / p;
        using var grid = images.reshape(b, c, g, p, g, p);
        using var ordered = grid.permute(0, 2, 4, 1, 3, 5);
        return ordered.reshape(b, g * g, c * p * p);
    }

    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = NewDisposeScope();
        var choice = subnet;
        int d = choice.Embed;
        long b = input.shape[0];

        var patches = input_quantizer.forward(Patchify(input));
        var x = patch_embed.forward(patches, PatchEmbedSlice(choice));
        var cls = cls_token.narrow(0, 0, d).expand(b, 1, d);
        x = TensorSum.Of(cat([cls, x], 1), pos_embed.narrow(1, 0, d));
        for (int i = 0; i < choice.Depth; i++) x = blocks[i].forward(x, new BlockSlice(d, choice.Layers[i]));
        var classToken = norm.forward(x.select(1, 0));
        return head.forward(head_input.forward(classToken), HeadSlice(choice)).MoveToOuterDisposeScope();
    }

    /// <summary>Turns every weight and activation fake quantizer on (QAT, the default) or off (float).</summary>
    public void SetFakeQuant(bool enabled)
    {
        foreach (var module in modules())
        {
            if (module is ActivationQuantizer quantizer) quantizer.Enabled = enabled;
            else if (module is ElasticLinear linear) linear.QuantizeWeights = enabled;
        }
    }

    /// <summary>SLS off: every λ stays at its initial 1 (no gradient), i.e. plain residual blocks.</summary>
    public void FreezeLayerScale()
    {
        foreach (var block in blocks)
        {
            block.Sls1.requires_grad = false;
            block.Sls2.requires_grad = false;
        }
    }

    /// <summary>Weight matrices (decayed by AdamW) and everything else (norms, biases, λ, tokens, steps: not decayed).</summary>
    public (IReadOnlyList<Parameter> Decay, IReadOnlyList<Parameter> NoDecay) ParameterGroups()
    {
        var decay = new List<Parameter>();
        var noDecay = new List<Parameter>();
        foreach (var (name, parameter) in named_parameters())
        {
            bool isMatrix = name.EndsWith(".weight", StringComparison.Ordinal) && parameter.dim() == 2;
            (isMatrix ? decay : noDecay).Add(parameter);
        }
        return (decay, noDecay);
    }
}
