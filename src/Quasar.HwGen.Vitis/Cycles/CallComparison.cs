using Quasar.HwGen.Hardware.Kernel;

namespace Quasar.HwGen.Vitis.Cycles;

/// <summary>One counted kernel call next to the hardware model's cycles for the same scalars.</summary>
public sealed record CallComparison(CountedCall Counted, KernelCallCycles Model)
{
    /// <summary>Counted total over modelled total.</summary>
    public double Ratio => Counted.Total / Model.Total;

    /// <summary>|counted − model| / model of the call's total.</summary>
    public double Deviation => Math.Abs(Ratio - 1);

    /// <summary>
    /// The CYCLES fields whose count is not the model's (tables, the five processes, fill, total); empty when the closed
    /// form describes the call exactly, as it does today for every call at η = 1.
    /// </summary>
    public IReadOnlyList<string> DifferingCounts()
    {
        var pairs = new List<(string Name, long Counted, double Model)>
        {
            ("tables", Counted.Tables, Model.Tables),
        };
        pairs.AddRange(Enum.GetValues<KernelProcess>().Select(p => (CycleLines.FieldName(p), Counted[p], Model[p])));
        pairs.Add(("fill", Counted.Fill, Model.Fill));
        pairs.Add(("total", Counted.Total, Model.Total));
        return [.. pairs.Where(p => p.Counted != p.Model).Select(p => p.Name)];
    }
}
