using Quasar.HwGen.Core.Lowering;
using Quasar.HwGen.Training.Quantization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Quasar.HwGen.Training.Native;

namespace Quasar.HwGen.Training.Model;

/// <summary>
/// A linear layer storing the largest block [maxOut, maxIn]; a subnet uses <c>W[:out, :in]</c> (AutoFormer weight
/// entanglement) with its weights fake-quantized per row, the 8-bit rows leading (mixed-precision entanglement,
/// <see cref="RowPrecisionMap.Leading"/>). With <c>rowGroups</c> = 3 (qkv) the stored rows are three equal groups
/// Q, K, V, each sliced to <c>out</c> rows and concatenated, so the sliced weight is [3·out, in] and its row map
/// covers all 3·out rows.
/// </summary>
public sealed class ElasticLinear : nn.Module<Tensor, LinearSlice, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter bias;

    public ElasticLinear(string name, int maxIn, int maxOut, int rowGroups = 1) : base(name)
    {
        MaxIn = maxIn;
        MaxOut = maxOut;
        RowGroups = rowGroups;
        weight = new Parameter(empty(rowGroups * maxOut, maxIn), requires_grad: true);
        bias = new Parameter(zeros(rowGroups * maxOut), requires_grad: true);
        ParameterInit.TruncatedNormal(weight);
        RegisterComponents();
    }

    public int MaxIn { get; }

    /// <summary>Rows per group of the stored block.</summary>
    public int MaxOut { get; }

    public int RowGroups { get; }

    /// <summary>
    /// The step of the activation quantizer feeding this layer, when there is one. With it the bias is fake-quantized
    /// to the accumulator's grid <c>s_x·s_w[r]</c>, as the integer lowering rounds it (numerics.md §4); without it the
    /// integer model's bias differs by up to half a unit of that grid, which flips 6-bit Q/K/V codes near a boundary.
    /// A delegate, not a module field, so the quantizer is not registered twice in the state dict.
    /// </summary>
    public Func<float?>? InputStep { get; set; }

    /// <summary>False: float weights (a float baseline, or a float teacher).</summary>
    public bool QuantizeWeights { get; set; } = true;

    public Parameter Weight => weight;

    public Parameter Bias => bias;

    /// <summary>The float (not quantized) weight [groups·out, in] and bias of a slice.</summary>
    public (Tensor Weight, Tensor Bias) Slice(LinearSlice slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        if (slice.Out > MaxOut || slice.In > MaxIn || slice.Out <= 0 || slice.In <= 0)
            throw new ArgumentOutOfRangeException(nameof(slice), $"{GetName()}: slice {slice.Out}×{slice.In} outside {MaxOut}×{MaxIn}");
        if (RowGroups == 1)
            return (weight.narrow(0, 0, slice.Out).narrow(1, 0, slice.In), bias.narrow(0, 0, slice.Out));
        using var scope = NewDisposeScope();
        var w = weight.view(RowGroups, MaxOut, MaxIn).narrow(1, 0, slice.Out).narrow(2, 0, slice.In).reshape(RowGroups * slice.Out, slice.In);
        var b = bias.view(RowGroups, MaxOut).narrow(1, 0, slice.Out).reshape(RowGroups * slice.Out);
        return (w.MoveToOuterDisposeScope(), b.MoveToOuterDisposeScope());
    }

    /// <summary>The row-precision map of a slice (over all its rows).</summary>
    public bool[] RowMap(LinearSlice slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        return RowPrecisionMap.Leading(RowGroups * slice.Out, slice.Row8);
    }

    public override Tensor forward(Tensor input, LinearSlice slice)
    {
        using var scope = NewDisposeScope();
        var (w, b) = Slice(slice);
        if (!QuantizeWeights) return nn.functional.linear(input, w, b).MoveToOuterDisposeScope();
        var qmax = WeightFakeQuant.QMaxColumn(RowMap(slice), input.device);
        var (quantized, rowSteps) = WeightFakeQuant.ApplyWithSteps(w, qmax);
        if (InputStep?.Invoke() is float inputStep)
        {
            // Straight-through: the value is round_even(b / unit)·unit, the gradient the identity.
            var unit = rowSteps.squeeze(1) * inputStep;
            var bDetached = b.detach();
            b = TensorSum.Of(b, (bDetached / unit).round() * unit - bDetached);
        }
        return nn.functional.linear(input, quantized, b).MoveToOuterDisposeScope();
    }
}
