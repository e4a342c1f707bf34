namespace Quasar.HwGen.Vitis.Reports;

/// <summary>A C/RTL cosimulation report (&lt;top&gt;_cosim.rpt): the rows of the RTL languages.</summary>
public sealed record CosimReport(IReadOnlyList<CosimRow> Rows)
{
    /// <summary>At least one RTL was simulated, and every simulated one passed.</summary>
    public bool Passed => Rows.Any(r => r.Ran) && Rows.Where(r => r.Ran).All(r => r.Passed);
}
