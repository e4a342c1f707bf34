using Quasar.HwGen.Codegen.Engine;

namespace Quasar.HwGen.Codegen.Project;

/// <summary>The engine in quasar-project.json: the §2 constants, how it was sized, and its estimated resources.</summary>
public sealed record ManifestEngine(
    int Packing,
    int DspUnits,
    int LutUnits,
    int TileTokens,
    int TileRows,
    int TileReduction,
    int TokensPerCycle,
    int MaxReduction,
    int MaxRows,
    double ClockMhz,
    string Sizing,
    double EstimatedLut,
    double EstimatedFf,
    int EstimatedDsp,
    int EstimatedBram18k)
{
    /// <summary>The engine configuration the project was built with (its §2 constants).</summary>
    public Hardware.Engine.EngineConfig ToConfig() =>
        new(DspUnits, Packing, LutUnits, TileTokens, TileRows, TileReduction, MaxReduction, MaxRows, ClockMhz);

    public static ManifestEngine From(EngineChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        var e = choice.Config;
        var r = choice.Resources;
        return new ManifestEngine(e.PackingFactor, e.DspUnits, e.LutUnits, e.TileTokens, e.TileRows, e.TileReduction, e.TokensPerCycle,
            e.MaxReduction, e.MaxRows, e.ClockMhz, choice.Sizing, Math.Round(r.Lut), Math.Round(r.Ff), r.Dsp, r.Bram);
    }
}
