using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Hardware.Calibration;
using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Hardware.Kernel;
using Quasar.HwGen.Hardware.Resources;

namespace Quasar.HwGen.Tests.Hardware;

/// <summary>The fit against reports the model itself makes with known costs: it must give those costs back.</summary>
[TestFixture]
public sealed class ReportCalibrationTests
{
    private static readonly ResourceParameters Truth = new(ControlLuts: 7_250, OutputLaneLuts: 290, ControlFfs: 11_500, OutputLaneFfs: 455, DspUnitFfs: 9.5, LutUnitFfs: 27);

    /// <summary>Six engines that differ in TN, DSP units and LUT units independently.</summary>
    private static readonly EngineConfig[] Engines =
    [
        new(DspUnits: 24, PackingFactor: 3, LutUnits: 8, TileTokens: 4, TileRows: 8, TileReduction: 4, MaxReduction: 16, MaxRows: 8, ClockMhz: 150),
        new(DspUnits: 240, PackingFactor: 3, LutUnits: 16, TileTokens: 8, TileRows: 16, TileReduction: 16, MaxReduction: 64, MaxRows: 64, ClockMhz: 150),
        new(DspUnits: 512, PackingFactor: 4, LutUnits: 0, TileTokens: 8, TileRows: 16, TileReduction: 16, MaxReduction: 64, MaxRows: 64, ClockMhz: 150),
        new(DspUnits: 96, PackingFactor: 3, LutUnits: 160, TileTokens: 8, TileRows: 32, TileReduction: 8, MaxReduction: 64, MaxRows: 64, ClockMhz: 150),
        new(DspUnits: 1024, PackingFactor: 4, LutUnits: 0, TileTokens: 16, TileRows: 32, TileReduction: 16, MaxReduction: 128, MaxRows: 128, ClockMhz: 150),
        new(DspUnits: 192, PackingFactor: 3, LutUnits: 64, TileTokens: 8, TileRows: 8, TileReduction: 32, MaxReduction: 64, MaxRows: 64, ClockMhz: 150),
    ];

    [Test]
    public void Exact_reports_give_back_the_costs_they_were_made_with()
    {
        var fit = ReportCalibration.Fit([.. Engines.Select((e, i) => new ReportObservation($"d{i}", e, ResourceModel.Estimate(e, Truth).Kernel, null))]);

        foreach (var name in ReportCalibration.LutCandidates.Concat(ReportCalibration.FfCandidates))
            Assert.That(CalibrationConstants.Get(fit.Resources, name), Is.EqualTo(CalibrationConstants.Get(Truth, name)).Within(1e-6), name);
        Assert.That(fit.Residuals.Where(r => r.Figure is "lut" or "ff").Select(r => Math.Abs(r.Percent!.Value)), Has.All.LessThan(1e-9));
        Assert.That(fit.ArrayEfficiency, Is.Null);
    }

    [Test]
    public void Two_designs_of_one_shape_fit_only_the_design_independent_costs_and_say_why()
    {
        var fit = ReportCalibration.Fit([.. Engines.Take(1).Concat(Engines.Take(1)).Select((e, i) => new ReportObservation($"d{i}", e, ResourceModel.Estimate(e, Truth).Kernel, null))]);

        Assert.That(fit.Constants.Select(c => c.Name), Is.EquivalentTo(new[] { CalibrationConstants.ControlLuts, CalibrationConstants.ControlFfs }));
        Assert.That(fit.NotFitted, Has.Some.StartsWith("output_lane_luts: counted per TN, the output lanes, which these designs do not vary apart from control_luts"));
    }

    [Test]
    public void A_cosim_latency_gives_back_the_array_efficiency()
    {
        // TM / PT = 64 token steps a block, more than the 8 chunk words the next block needs: the array binds.
        var engine = Engines[2] with { TileTokens = 128 };
        KernelWordCall[] calls = [new(1, 200, 64, 64, 64, 2, -32768, 32767, 0), new(3, 128, 40, 48, 80, 1, -32, 31, 1)];
        double average = calls.Average(c => KernelCycles.ForCall(engine, c, 0.73).Total);

        var fit = ReportCalibration.Fit([new ReportObservation("d", engine, null, new ReportedLatency(calls, average))]);

        Assert.That(fit.ArrayEfficiency, Is.EqualTo(0.73).Within(1e-6));
        Assert.That(fit.Residuals.Single(r => r.Figure == "cosim_latency_avg").Percent!.Value, Is.EqualTo(0).Within(1e-6));
    }
}
