namespace Quasar.HwGen.Vitis.Hls;

/// <summary>The steps of scripts/run_hls.tcl (docs/hls-engine.md §5) and their unified-flow equivalents.</summary>
public enum HlsStep
{
    Csim,
    Csynth,
    Cosim,
    Export,
}
