namespace Quasar.HwGen.Cli.Verbs.RunReport;

/// <summary>
/// A subnet the search chose for one FPS target: its validation accuracy and the model's FPS as the search saw them,
/// the model's FPS again from its per-op estimate (the same model summed another way, equal but for rounding),
/// its test accuracy as the fake-quant model and as the integer emulation, the model's latency breakdown, the backends
/// that ran it, and the generated project's folder when one was generated (relative to the run directory).
/// </summary>
internal sealed record RunSubnet(
    string Name,
    double TargetFps,
    string Summary,
    double ValidationAccuracy,
    double SearchFps,
    double EstimatedFps,
    double LatencyMs,
    int TestImages,
    double FakeQuantAccuracy,
    double IntegerAccuracy,
    IReadOnlyList<RunLatency> ByOpKind,
    IReadOnlyList<RunLatency> ByLayer,
    IReadOnlyList<RunBackend> Backends,
    string? Project);
