using Quasar.HwGen.Vitis.Vpp;

namespace Quasar.HwGen.Tests.Vitis;

/// <summary>The link's gate on Vivado's reports: what it says for each verdict of a fresh timing summary.</summary>
[TestFixture]
public sealed class LinkReportGateTests
{
    private const string Timing = "_x/reports/link/imp/impl_1_xilinx_zcu102_base_wrapper_timing_summary_routed.rpt";
    private const string MetReport = "vivado-2023.2-zynquplus/impl_1_xilinx_zcu102_base_wrapper_timing_summary_routed.rpt";

    private static LinkReports Gate(TemporaryDirectory project, Func<string, string> edit)
    {
        var start = DateTime.UtcNow.AddSeconds(-5);
        var path = Path.Combine(project.Path, Timing);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, File.ReadAllLines(Path.Combine(TestPaths.VitisReports, "hand-built", MetReport)).Select(edit));
        return LinkReportGate.Check(project.Path, start);
    }

    [Test]
    public void A_met_clock_passes()
    {
        using var project = new TemporaryDirectory();

        Assert.That(Gate(project, line => line).Problems, Is.Empty);
    }

    [Test]
    public void A_design_without_timing_constraints_is_refused_as_unchecked_not_as_missed()
    {
        using var project = new TemporaryDirectory();

        var gate = Gate(project, line => line.Replace("All user specified timing constraints are met.", "There are no user specified timing constraints.", StringComparison.Ordinal));

        Assert.That(gate.Problems, Has.Count.EqualTo(1));
        Assert.That(gate.Problems[0], Does.StartWith("the routed design has no timing constraints, so its clock was never checked: There are no user specified timing constraints. in "));
        Assert.That(gate.Problems[0], Does.EndWith("; the platform's clock constraints did not reach Vivado (check --platform and the link config)"));
    }
}
