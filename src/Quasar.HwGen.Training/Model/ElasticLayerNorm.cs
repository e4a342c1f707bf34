using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Quasar.HwGen.Training.Model;

/// <summary>LayerNorm over the leading <c>d</c> channels of a stored max-width γ, β (eps 1e-6, docs/numerics.md §6).</summary>
public sealed class ElasticLayerNorm : nn.Module<Tensor, Tensor>
{
    public const double Epsilon = 1e-6;

    private readonly Parameter weight;
    private readonly Parameter bias;

    public ElasticLayerNorm(string name, int maxDim) : base(name)
    {
        weight = new Parameter(ones(maxDim), requires_grad: true);
        bias = new Parameter(zeros(maxDim), requires_grad: true);
        RegisterComponents();
    }

    public Parameter Weight => weight;

    public Parameter Bias => bias;

    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        long d = input.shape[^1];
        using var gamma = weight.narrow(0, 0, d);
        using var beta = bias.narrow(0, 0, d);
        return nn.functional.layer_norm(input, [d], gamma, beta, Epsilon);
    }
}
