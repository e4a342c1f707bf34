using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Hardware.Calibration;

/// <summary>A result of the paper the model is calibrated on: a stand-in subnet of the paper's model and its FPS.</summary>
/// <param name="Fitted">True when the anchor takes part in the fit; false when it only checks it (QUASAR-L1, whose MACs are assumed).</param>
public sealed record CalibrationAnchor(string Name, Subnet Subnet, SearchSpace Space, double PaperFps, bool Fitted, string Note);
