using Quasar.HwGen.Core.Lowering;
using Quasar.HwGen.Training.Model;
using Quasar.HwGen.Training.Quantization;
using Quasar.HwGen.Training.Spaces;
using static TorchSharp.torch;

namespace Quasar.HwGen.Training.Export;

/// <summary>
/// Cuts a subnet out of a trained supernet as a <see cref="FloatVit"/>: float weights sliced exactly as the subnet
/// computes with them (qkv rows Q, K, V, each heads·d long), row-precision maps, SLS λ and the learned steps. The
/// integer lowering quantizes the weights per numerics.md §1, which is what training's fake-quant did.
/// </summary>
public static class SubnetExporter
{
    /// <summary>Loads a checkpoint (verified: sizes, SHA-256, search space) and exports one of its subnets.</summary>
    public static FloatVit ExportCheckpoint(string manifestPath, SupernetSpec spec, SubnetChoice subnet)
    {
        using var supernet = new Supernet(spec);
        Checkpoints.CheckpointStore.Load(manifestPath, supernet);
        return Export(supernet, subnet);
    }

    public static FloatVit Export(Supernet supernet, SubnetChoice subnet)
    {
        ArgumentNullException.ThrowIfNull(supernet);
        ArgumentNullException.ThrowIfNull(subnet);
        subnet.ValidateAgainst(supernet.Spec);
        var spec = supernet.Spec;
        int d = subnet.Embed;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();

        var blocks = new List<FloatBlock>();
        var blockArchitectures = new List<BlockArchitecture>();
        for (int i = 0; i < subnet.Depth; i++)
        {
            var block = supernet.Blocks[i];
            var slice = new BlockSlice(d, subnet.Layers[i]);
            var layer = subnet.Layers[i];
            blockArchitectures.Add(new BlockArchitecture(layer.Heads, spec.HeadDim, SupernetSpec.MlpHidden(d, layer.MlpRatio), layer.Qkv8, layer.Proj8, layer.Fc1Row8, layer.Fc2Row8));
            blocks.Add(new FloatBlock(
                Leading(block.Norm1.Weight, d), Leading(block.Norm1.Bias, d),
                Linear(block.Qkv, block.QkvSlice(slice)),
                Linear(block.Proj, block.ProjSlice(slice)),
                Leading(block.Sls1, d),
                Leading(block.Norm2.Weight, d), Leading(block.Norm2.Bias, d),
                Linear(block.Fc1, SupernetBlock.Fc1Slice(slice)),
                Linear(block.Fc2, SupernetBlock.Fc2Slice(slice)),
                Leading(block.Sls2, d),
                new BlockSteps(
                    Step(block.QkvInput), Step(block.Query), Step(block.Key), Step(block.Value),
                    Step(block.Probabilities), Step(block.ProjInput), Step(block.Fc1Input), Step(block.Fc2Input))));
        }

        var architecture = new VitArchitecture(
            spec.ImageSize, spec.PatchSize, spec.Channels, spec.Classes, [.. spec.Mean], [.. spec.Std], d,
            blockArchitectures, subnet.PatchEmbedRow8, subnet.HeadRow8);
        return new FloatVit(
            architecture,
            Linear(supernet.PatchEmbed, supernet.PatchEmbedSlice(subnet)),
            Leading(supernet.ClassToken, d),
            Values(supernet.PositionEmbedding.narrow(1, 0, d)),
            blocks,
            Leading(supernet.Norm.Weight, d), Leading(supernet.Norm.Bias, d),
            Linear(supernet.Head, supernet.HeadSlice(subnet)),
            Step(supernet.InputQuantizer),
            Step(supernet.HeadInput));
    }

    private static FloatLinear Linear(ElasticLinear linear, LinearSlice slice)
    {
        var (weight, bias) = linear.Slice(slice);
        using (weight)
        using (bias)
        {
            return new FloatLinear((int)weight.shape[0], (int)weight.shape[1], Values(weight), Values(bias), linear.RowMap(slice));
        }
    }

    /// <summary>The step the quantizer computes with (exp of its parameter); null if it never saw data.</summary>
    private static float? Step(ActivationQuantizer quantizer) => quantizer.IsInitialized ? quantizer.StepValue : null;

    private static float[] Leading(Tensor vector, int count)
    {
        using var slice = vector.narrow(0, 0, count);
        return Values(slice);
    }

    private static float[] Values(Tensor tensor)
    {
        using var contiguous = tensor.detach().contiguous();
        return contiguous.data<float>().ToArray();
    }
}
