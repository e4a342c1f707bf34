namespace Quasar.HwGen.Core.Configs;

/// <summary>
/// What `quasar calibrate` writes and `estimate`, `search` and `generate` read with <c>--calibration</c>
/// (docs/calibration.md): the part and top function the reports are of, the tool versions that wrote them, each fitted
/// constant with the default it replaces, the residuals of every report after the fit, and what the reports could not
/// identify.
/// </summary>
public sealed record CalibrationFile(
    string Part,
    string TopFunction,
    ValueList<string> ToolVersions,
    IReadOnlyList<CalibratedConstant> Constants,
    IReadOnlyList<CalibrationResidual> Residuals,
    ValueList<string> NotFitted)
{
    /// <summary>The value of the <c>format</c> key; any other marks a foreign file.</summary>
    public const string FormatName = "quasar-calibration";

    public const int CurrentVersion = 1;

    public IReadOnlyList<ConfigIssue> FindIssues() => CalibrationRules.Check(this);

    public void Validate()
    {
        var issues = FindIssues();
        if (issues.Count > 0) throw new ConfigException(issues);
    }

    /// <summary>The fitted value of <paramref name="name"/>, or null when the file does not fit it.</summary>
    public double? Fitted(string name) => Constants.FirstOrDefault(c => c.Name == name)?.Fitted;
}
