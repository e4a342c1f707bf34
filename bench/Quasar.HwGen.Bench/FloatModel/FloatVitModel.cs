using Quasar.HwGen.Core.Lowering;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Quasar.HwGen.Bench.FloatModel;

/// <summary>
/// A subnet as a plain float32 TorchSharp model, the baseline the integer runtime is measured against: the
/// <see cref="FloatVit"/> the integer model is lowered from, with contiguous weights of exactly the subnet's shapes —
/// no supernet slicing, no fake-quantization. It computes what the supernet computes for the subnet with fake-quant
/// off: patch embedding as a linear over flattened patches (row n = patch n in raster order, column (c·p + i)·p + j),
/// class token, position embedding, the blocks, the final LayerNorm on the class token, the head.
/// Input: normalized images [B, C, H, W]; output: logits [B, classes].
/// </summary>
public sealed class FloatVitModel : nn.Module<Tensor, Tensor>
{
    private readonly Linear patch_embed;
    private readonly Parameter cls_token;
    private readonly Parameter pos_embed;
    private readonly ModuleList<FloatVitBlock> blocks;
    private readonly LayerNorm norm;
    private readonly Linear head;
    private readonly MacCounter counter = new();

    public FloatVitModel(FloatVit vit) : base("float_vit")
    {
        ArgumentNullException.ThrowIfNull(vit);
        Architecture = vit.Architecture;
        int d = Architecture.EmbedDim;
        patch_embed = FloatLayers.Linear(vit.PatchEmbed, _ => 1f);
        cls_token = FloatLayers.Parameter(vit.ClassToken, [1, 1, d]);
        pos_embed = FloatLayers.Parameter(vit.PositionEmbedding, [1, Architecture.Tokens, d]);
        blocks = new ModuleList<FloatVitBlock>([.. vit.Blocks.Select((block, i) => new FloatVitBlock($"block{i}", block, Architecture.Blocks[i], counter))]);
        norm = FloatLayers.LayerNorm(vit.NormGamma, vit.NormBeta);
        head = FloatLayers.Linear(vit.Head, _ => 1f);
        RegisterComponents();
        eval();
    }

    public VitArchitecture Architecture { get; }

    /// <summary>Multiply-accumulates of one image, counted on a forward pass of one (zero) image.</summary>
    public long MacsPerImage()
    {
        using var inference = inference_mode();
        using var scope = NewDisposeScope();
        counter.Reset();
        counter.Enabled = true;
        try
        {
            forward(zeros(1, Architecture.Channels, Architecture.ImageSize, Architecture.ImageSize));
            return counter.Macs;
        }
        finally
        {
            counter.Enabled = false;
        }
    }

    /// <summary>[B, C, H, W] → [B, patches, C·p·p], the supernet's patch order.</summary>
    public Tensor Patchify(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        long b = images.shape[0];
        int c = Architecture.Channels, p = Architecture.PatchSize, g = Architecture.ImageSize / p;
        using var grid = images.reshape(b, c, g, p, g, p);
        using var ordered = grid.permute(0, 2, 4, 1, 3, 5);
        return ordered.reshape(b, g * g, c * p * p);
    }

    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = NewDisposeScope();
        long b = input.shape[0];
        int d = Architecture.EmbedDim;

        var x = counter.Linear(patch_embed, Patchify(input));
        x = cat([cls_token.expand(b, 1, d), x], 1) + pos_embed;
        foreach (var block in blocks) x = block.forward(x);
        var classToken = norm.forward(x.select(1, 0));
        return counter.Linear(head, classToken).MoveToOuterDisposeScope();
    }
}
