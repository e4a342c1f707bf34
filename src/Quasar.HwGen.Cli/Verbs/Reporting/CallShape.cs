using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Hardware.Kernel;

namespace Quasar.HwGen.Cli.Verbs.Reporting;

/// <summary>
/// The golden calls of one shape (the scalars that set a call's cycles: batches, m, n, k, N', out_bytes, table entries)
/// and the model's cycles for one of them. Cosim reports only min/avg/max over all calls, so a shape has no measured
/// figure of its own.
/// </summary>
internal sealed record CallShape(KernelWordCall Call, int Calls, KernelCallCycles Model)
{
    /// <summary>How the table and the charts name the shape, e.g. <c>3×128×40×48 (N' 40, 1 B out)</c>.</summary>
    public string Name => $"{Call.Batches}×{Call.M}×{Call.N}×{Call.K} (N' {Call.NibbleRows}, {Call.OutBytes} B out{(Call.PerTensor ? ", per tensor" : "")})";

    /// <summary>One entry per shape, in the order of its first call.</summary>
    public static IReadOnlyList<CallShape> Of(EngineConfig engine, IReadOnlyList<KernelWordCall> calls, double arrayEfficiency) =>
    [
        .. calls.GroupBy(c => (c.Batches, c.M, c.N, c.K, c.NibbleRows, c.OutBytes, c.TableRows))
            .Select(g => new CallShape(g.First(), g.Count(), KernelCycles.ForCall(engine, g.First(), arrayEfficiency))),
    ];
}
