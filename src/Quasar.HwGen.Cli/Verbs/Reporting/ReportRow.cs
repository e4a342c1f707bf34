namespace Quasar.HwGen.Cli.Verbs.Reporting;

/// <summary>
/// One line of `quasar report`: a figure as a tool gave it (<see cref="Source"/> says which tool and whether it
/// estimated, measured or implemented it) beside the hardware model's figure for the same design.
/// </summary>
/// <param name="Reported">The tool's figure; null when the report says undef or NA (<see cref="Missing"/> says why).</param>
/// <param name="Model">The model's figure; null when the model has none (URAM, interval, csynth's worst case).</param>
/// <param name="Limit">What the figure is held against: the part's resources, the clock's target period; null when unknown.</param>
internal sealed record ReportRow(string Figure, string Source, double? Reported, double? Model, double? Limit, string? Missing = null)
{
    public const string Csynth = "csynth (estimate)";
    public const string Cosim = "cosim (measured)";
    public const string Vivado = "Vivado (implemented)";

    /// <summary>The model's error relative to the report, as `quasar calibrate` gives its residuals: 100·(model − report)/report.</summary>
    public double? Percent => Reported is not double r || Model is not double m ? null : r != 0 ? 100 * (m - r) / r : m == 0 ? 0 : null;

    /// <summary>The reported figure as a share of <see cref="Limit"/>.</summary>
    public double? Share => Reported is double r && Limit is double l && l > 0 ? r / l : null;

    /// <summary>The model's figure as a share of <see cref="Limit"/>.</summary>
    public double? ModelShare => Model is double m && Limit is double l && l > 0 ? m / l : null;
}
