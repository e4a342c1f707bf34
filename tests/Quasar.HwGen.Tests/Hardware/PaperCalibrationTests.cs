using Quasar.HwGen.Hardware.Calibration;
using Quasar.HwGen.Hardware.Constants;
using Quasar.HwGen.Hardware.Latency;
using Quasar.HwGen.Hardware.Resources;

namespace Quasar.HwGen.Tests.Hardware;

/// <summary>The calibrated model against the paper's ZCU102 results (docs/hardware-model.md §5).</summary>
[TestFixture]
public sealed class PaperCalibrationTests
{
    private static readonly Lazy<IReadOnlyList<CalibrationRow>> Rows = new(() => PaperCalibration.Run(HardwareSamples.Zcu102));

    private static CalibrationRow Row(string name) => Rows.Value.Single(r => r.Anchor.Name == name);

    [TestCase("QUASAR-S", 251.6)]
    [TestCase("QUASAR-L2", 101.5)]
    public void The_model_predicts_the_papers_fps_within_15_percent(string model, double paperFps)
    {
        var row = Row(model);

        Assert.That(row.Anchor.PaperFps, Is.EqualTo(paperFps));
        Assert.That(row.PredictedFps, Is.InRange(0.85 * paperFps, 1.15 * paperFps));
    }

    [Test]
    public void The_unfitted_quasar_l1_check_lands_within_15_percent_under_its_assumed_size()
    {
        var row = Row("QUASAR-L1");

        Assert.That(row.Anchor.Fitted, Is.False);
        Assert.That(row.Anchor.Subnet.Macs(row.Anchor.Space), Is.InRange(2.7e9, 2.8e9));
        Assert.That(row.PredictedFps, Is.InRange(0.85 * PaperConstants.QuasarL1Fps, 1.15 * PaperConstants.QuasarL1Fps));
    }

    [Test]
    public void Every_calibration_engine_stays_within_the_papers_utilisation()
    {
        foreach (var row in Rows.Value)
        {
            Assert.That(row.PlatformShare(ResourceKind.Dsp), Is.LessThanOrEqualTo(PaperConstants.DspUtilisation), row.Anchor.Name);
            Assert.That(row.PlatformShare(ResourceKind.Lut), Is.LessThanOrEqualTo(PaperConstants.LutUtilisation), row.Anchor.Name);
            Assert.That(row.PlatformShare(ResourceKind.Ff), Is.LessThanOrEqualTo(PaperConstants.FfUtilisation), row.Anchor.Name);
            Assert.That(row.PlatformShare(ResourceKind.Bram), Is.LessThanOrEqualTo(PaperConstants.BramUtilisation), row.Anchor.Name);
        }
    }

    [Test]
    public void The_calibrated_host_keeps_up_with_the_fpga_on_the_large_models()
    {
        // The fit takes the slowest host the paper allows: QUASAR-S balances host and FPGA; the larger models are FPGA-bound.
        foreach (var name in new[] { "QUASAR-L1", "QUASAR-L2" })
        {
            var row = Row(name);
            var estimate = row.Solution.Model.Estimate(row.Anchor.Subnet, row.Anchor.Space);
            Assert.That(estimate.HostBusySeconds, Is.LessThan(estimate.FpgaBusySeconds), name);
        }
    }

    [Test]
    public void Sequential_frames_miss_the_papers_fps_with_the_calibrated_host()
    {
        // Why the model overlaps frames (docs/hardware-model.md §3.5): one frame at a time cannot reach the paper's FPS.
        var row = Row("QUASAR-S");
        var sequential = new LatencyModel(HardwareSamples.Zcu102, row.Solution.Engine, LatencyParameters.Default with { Mode = ExecutionMode.Sequential });

        Assert.That(sequential.FramesPerSecond(row.Anchor.Subnet, row.Anchor.Space), Is.LessThan(0.85 * PaperConstants.QuasarSFps));
    }

    [Test]
    public void The_table_has_a_row_per_anchor()
    {
        var table = PaperCalibration.Table(Rows.Value);

        Assert.That(table.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(2 + 3));
        Assert.That(table, Does.Contain("| QUASAR-L1 (check) |"));
    }

    [Test]
    [Category("Sweep")]
    public void Refitting_reproduces_the_pinned_constants()
    {
        var fit = PaperCalibration.Fit(HardwareSamples.Zcu102);

        // The error is flat to ±0.01 in the efficiency: the engines the solver picks move with it.
        Assert.That(fit.ArrayEfficiency, Is.EqualTo(ModelConstants.ArrayEfficiency).Within(0.015));
        Assert.That(fit.HostCostScale, Is.EqualTo(ModelConstants.HostCostScale).Within(0.03 * ModelConstants.HostCostScale));
    }
}
