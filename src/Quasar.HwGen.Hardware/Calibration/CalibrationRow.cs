using Quasar.HwGen.Hardware.Resources;
using Quasar.HwGen.Hardware.Solver;

namespace Quasar.HwGen.Hardware.Calibration;

/// <summary>One anchor: the engine the solver picks for it within the paper's budget, and the FPS the model predicts.</summary>
public sealed record CalibrationRow(CalibrationAnchor Anchor, EngineSolution Solution, double PredictedFps)
{
    /// <summary>predicted / paper − 1.</summary>
    public double Residual => PredictedFps / Anchor.PaperFps - 1;

    /// <summary>Share of the platform's <paramref name="kind"/> the engine uses (the paper reports these).</summary>
    public double PlatformShare(ResourceKind kind)
    {
        var available = Solution.Model.Platform.Resources;
        double total = kind switch
        {
            ResourceKind.Dsp => available.Dsp,
            ResourceKind.Lut => available.Lut,
            ResourceKind.Ff => available.Ff,
            ResourceKind.Bram => available.Bram18k,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        return Solution.Resources.Total[kind] / total;
    }
}
