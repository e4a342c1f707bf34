using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Quasar.HwGen.Bench.FloatModel;

/// <summary>
/// The matrix products of a <see cref="FloatVitModel"/> go through here, so that a counting pass adds up the
/// multiply-accumulates from the shapes of the operands the forward really multiplies, not from a formula that could
/// drift from the code. Off (the default), it only multiplies.
/// </summary>
public sealed class MacCounter
{
    public bool Enabled { get; set; }

    public long Macs { get; private set; }

    public void Reset() => Macs = 0;

    /// <summary>x·Wᵀ + b over the last dimension of <paramref name="input"/>: rows × in × out MACs.</summary>
    public Tensor Linear(Linear layer, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(input);
        if (Enabled)
        {
            long rows = input.numel() / input.shape[^1];
            Macs += rows * layer.weight!.shape[1] * layer.weight.shape[0];
        }
        return layer.forward(input);
    }

    /// <summary>Batched [G, M, K]·[G, K, N]: G × M × K × N MACs.</summary>
    public Tensor Bmm(Tensor left, Tensor right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (Enabled) Macs += left.shape[0] * left.shape[1] * left.shape[2] * right.shape[2];
        return left.bmm(right);
    }
}
