namespace Quasar.HwGen.Cli.Verbs.Reporting;

/// <summary>One group of a <see cref="BarChart"/>: a tool's figure and the model's, either missing where there is none.</summary>
internal sealed record ChartGroup(string Label, double? Reported, double? Model);
