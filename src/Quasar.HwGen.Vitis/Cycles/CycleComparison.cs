using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Hardware.Kernel;

namespace Quasar.HwGen.Vitis.Cycles;

/// <summary>
/// The counts of a cycle-accounting run held against the hardware model (issue 13): every call's counted total must be
/// within <see cref="Tolerance"/> of <see cref="KernelCycles.ForCall(EngineConfig, int, int, int, int, int, int, int, double)"/>
/// for its scalars. The model runs at η = 1 because the accounting counts every loop at its declared II.
/// </summary>
public sealed record CycleComparison(EngineConfig Engine, double Tolerance, IReadOnlyList<CallComparison> Calls)
{
    /// <summary>The bound of issue 13: the model's per-call latency within 10% of the count.</summary>
    public const double DefaultTolerance = 0.10;

    /// <summary>Compares every counted call with the model for <paramref name="engine"/>.</summary>
    public static CycleComparison Compare(EngineConfig engine, IReadOnlyList<CountedCall> counted, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(counted);
        if (!(tolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "a tolerance is at least 0");
        var calls = counted.Select(c => new CallComparison(c,
            KernelCycles.ForCall(engine, c.Batches, c.M, c.N, c.K, c.NibbleRows, c.OutBytes, c.TableEntries))).ToList();
        return new CycleComparison(engine, tolerance, calls);
    }

    /// <summary>One row per op, in the order of their first call.</summary>
    public IReadOnlyList<OpCycles> Ops =>
        [.. Calls.GroupBy(c => c.Counted.Layer, StringComparer.Ordinal).Select(g => OpCycles.Of([.. g]))];

    public double CountedTotal => Calls.Sum(c => (double)c.Counted.Total);

    public double ModelTotal => Calls.Sum(c => c.Model.Total);

    public double Ratio => CountedTotal / ModelTotal;

    /// <summary>The largest |counted − model| / model over the calls (0 with no calls).</summary>
    public double MaxDeviation => Calls.Count == 0 ? 0 : Calls.Max(c => c.Deviation);

    /// <summary>The calls whose counted total is more than <see cref="Tolerance"/> away from the model's.</summary>
    public IReadOnlyList<CallComparison> Beyond => [.. Calls.Where(c => c.Deviation > Tolerance)];

    /// <summary>Calls whose every count equals the model's, process by process.</summary>
    public int ExactCalls => Calls.Count(c => c.DifferingCounts().Count == 0);

    public int Images => Calls.Select(c => c.Counted.Image).Distinct().Count();

    /// <summary>True when there are calls and none is beyond the tolerance.</summary>
    public bool Passed => Calls.Count > 0 && Beyond.Count == 0;

    /// <summary>Microseconds <paramref name="cycles"/> take at the engine's clock.</summary>
    public double Microseconds(double cycles) => cycles / Engine.ClockMhz;
}
