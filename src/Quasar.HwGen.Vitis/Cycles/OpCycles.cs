using Quasar.HwGen.Hardware.Kernel;

namespace Quasar.HwGen.Vitis.Cycles;

/// <summary>The calls of one op (layer) of a cycle-accounting run: mean cycles per call, counted and modelled.</summary>
/// <param name="Binding">The process that bound the op's counted calls (of the first call; an op's calls share their scalars).</param>
/// <param name="ModelBinding">The process the model says binds them.</param>
public sealed record OpCycles(string Layer, int Calls, double CountedPerCall, double ModelPerCall, KernelProcess Binding, KernelProcess ModelBinding)
{
    public double Ratio => CountedPerCall / ModelPerCall;

    /// <summary>The op's calls of <paramref name="calls"/> (all with the same layer), summarised.</summary>
    public static OpCycles Of(IReadOnlyList<CallComparison> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        if (calls.Count == 0) throw new ArgumentException("an op has at least one call", nameof(calls));
        var first = calls[0];
        return new OpCycles(first.Counted.Layer, calls.Count, calls.Average(c => (double)c.Counted.Total), calls.Average(c => c.Model.Total),
            first.Counted.Binding, first.Model.Binding);
    }
}
