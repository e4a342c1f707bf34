namespace Quasar.HwGen.Cli.Verbs.RunReport;

/// <summary>One step of a run: the `quasar` command line that does the same on its own, when it ran, what it wrote.</summary>
internal sealed record RunStep(string Name, string Command, DateTimeOffset Started, DateTimeOffset Ended, IReadOnlyList<string> Wrote, string Result);
