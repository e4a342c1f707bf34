using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Tests.Configs;

/// <summary>The calibration file's YAML: what the writer saves reads back equal, and a foreign file says so once.</summary>
[TestFixture]
public sealed class CalibrationFileTests
{
    private static readonly CalibrationFile Sample = new("xczu9eg-ffvb1156-2-e", "quasar_gemm", ["2024.2"],
        [new CalibratedConstant("control_luts", 6000, 7250.125), new CalibratedConstant("array_efficiency", 1, 0.8)],
        [new CalibrationResidual("design 0", "lut", 17054.06, 17054), new CalibrationResidual("design 0", "dsp", 40, 0)],
        ["platform_shell_luts: not in a kernel's report"]);

    [Test]
    public void A_written_file_reads_back_equal()
    {
        var read = ConfigLoader.ParseCalibration(ConfigWriter.ToYaml(Sample), "calibration.yaml");

        Assert.That(read.Part, Is.EqualTo(Sample.Part));
        Assert.That(read.TopFunction, Is.EqualTo(Sample.TopFunction));
        Assert.That(read.ToolVersions, Is.EqualTo(Sample.ToolVersions));
        Assert.That(read.Constants, Is.EqualTo(Sample.Constants));
        Assert.That(read.Residuals, Is.EqualTo(Sample.Residuals));
        Assert.That(read.NotFitted, Is.EqualTo(Sample.NotFitted));
    }

    [Test]
    public void A_residual_against_a_reported_zero_has_no_percent()
    {
        Assert.That(Sample.Residuals[1].Percent, Is.Null);
        Assert.That(ConfigWriter.ToYaml(Sample), Does.Contain("percent: 0.0004").And.Not.Contain("percent: Infinity"));
    }

    [Test]
    public void A_constant_fitted_twice_is_refused_at_its_line()
    {
        var yaml = ConfigWriter.ToYaml(Sample).Replace("  - name: array_efficiency", "  - name: control_luts", StringComparison.Ordinal);

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.ParseCalibration(yaml, "calibration.yaml"))!;

        Assert.That(error.Message, Does.Match(@"^calibration\.yaml:\d+:\d+: constants\[1\]\.name: 'control_luts' is fitted twice; keep one entry$"));
    }
}
