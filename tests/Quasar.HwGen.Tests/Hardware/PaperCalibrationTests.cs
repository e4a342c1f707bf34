using Quasar.HwGen.Hardware.Calibration;
using Quasar.HwGen.Hardware.Constants;
using Quasar.HwGen.Hardware.Kernel;
using Quasar.HwGen.Hardware.Latency;
using Quasar.HwGen.Hardware.Resources;

namespace Quasar.HwGen.Tests.Hardware;

/// <summary>The calibrated model against the paper's ZCU102 results (docs/hardware-model.md §5).</summary>
[TestFixture]
public sealed class PaperCalibrationTests
{
    private static readonly Lazy<IReadOnlyList<CalibrationRow>> Rows = new(() => PaperCalibration.Run(HardwareSamples.Zcu102));

    private static CalibrationRow Row(string name) => Rows.Value.Single(r => r.Anchor.Name == name);

    [TestCase("QUASAR-S", 251.6, 145.9)]
    [TestCase("QUASAR-L2", 101.5, 60.2)]
    [TestCase("QUASAR-L1", 159.6, 97.1)]
    public void The_streaming_engine_reaches_the_documented_fps_below_the_papers(string model, double paperFps, double modelFps)
    {
        // docs/hardware-model.md §5: even with the array never slipping (η = 1), the generated design stays below the paper.
        var row = Row(model);

        Assert.That(row.Anchor.PaperFps, Is.EqualTo(paperFps));
        Assert.That(row.PredictedFps, Is.EqualTo(modelFps).Within(0.5));
        Assert.That(row.PredictedFps, Is.LessThan(0.65 * paperFps));
    }

    [Test]
    public void The_unfitted_quasar_l1_anchor_keeps_its_assumed_size()
    {
        var row = Row("QUASAR-L1");

        Assert.That(row.Anchor.Fitted, Is.False);
        Assert.That(row.Anchor.Subnet.Macs(row.Anchor.Space), Is.InRange(2.7e9, 2.8e9));
    }

    [Test]
    public void The_compute_process_binds_most_of_the_quasar_s_frame_and_the_writers_the_rest()
    {
        // The finding of docs/hardware-model.md §5 with two output ports and no output holes: the compute process
        // (A-bound input fills of the long-k calls, the array) binds most calls, the writers the int16 scores.
        var row = Row("QUASAR-S");
        var shares = KernelBottlenecks.Shares(row.Solution.Model, row.Anchor.Subnet, row.Anchor.Space);

        Assert.That(shares.MaxBy(s => s.Value).Key, Is.EqualTo(KernelProcess.Compute));
        Assert.That(shares[KernelProcess.Write], Is.GreaterThan(0.1));
        Assert.That(shares.Values.Sum(), Is.EqualTo(1).Within(1e-12));
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
    public void The_calibrated_host_keeps_up_with_the_papers_fps_and_no_more_on_the_fitted_anchors()
    {
        // The fit takes the slowest host the paper allows: host busy within 1 / paper FPS, QUASAR-S at that bound (±1%,
        // the scale's rounding to 0.01); the FPGA is the slower side of every anchor.
        foreach (var row in Rows.Value.Where(r => r.Anchor.Fitted))
        {
            var estimate = row.Solution.Model.Estimate(row.Anchor.Subnet, row.Anchor.Space);
            Assert.That(estimate.HostBusySeconds, Is.LessThanOrEqualTo(1 / row.Anchor.PaperFps), row.Anchor.Name);
            Assert.That(estimate.HostBusySeconds, Is.LessThan(estimate.FpgaBusySeconds), row.Anchor.Name);
        }
        var s = Row("QUASAR-S");
        Assert.That(s.Solution.Model.Estimate(s.Anchor.Subnet, s.Anchor.Space).HostBusySeconds, Is.GreaterThan(0.99 / PaperConstants.QuasarSFps));
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
        Assert.That(table, Does.Contain("| compute "), "the kernel process that binds each anchor");
    }

    [Test]
    [Category("Sweep")]
    public void Refitting_reproduces_the_pinned_constants()
    {
        var fit = PaperCalibration.Fit(HardwareSamples.Zcu102);

        // η lands on its bound (the model is below the paper at any η); the host scale is the paper's bound, to 0.01.
        Assert.That(fit.ArrayEfficiency, Is.EqualTo(ModelConstants.ArrayEfficiency));
        Assert.That(fit.HostCostScale, Is.EqualTo(ModelConstants.HostCostScale).Within(1e-9));
    }
}
