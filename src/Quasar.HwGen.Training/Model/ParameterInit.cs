using TorchSharp;
using static TorchSharp.torch;

namespace Quasar.HwGen.Training.Model;

/// <summary>ViT initialization: normal(0, 0.02) clipped to ±2σ, drawn from torch's global generator (seeded by the trainer).</summary>
public static class ParameterInit
{
    public const double WeightStd = 0.02;

    public static void TruncatedNormal(Tensor parameter, double std = WeightStd)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        using var noGrad = no_grad();
        using var low = (-2 * std).ToScalar();
        using var high = (2 * std).ToScalar();
        parameter.normal_(0, std).clamp_(low, high);
    }
}
