namespace Quasar.HwGen.Cli.Verbs.RunReport;

/// <summary>One evaluated subnet of the search: validation top-1 (0..1) at the model's FPS.</summary>
internal sealed record RunPoint(double Fps, double Accuracy);
