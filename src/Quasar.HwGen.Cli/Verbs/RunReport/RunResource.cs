namespace Quasar.HwGen.Cli.Verbs.RunReport;

/// <summary>One resource of the engine as the hardware model sizes it, against the budget it was sized to and the device.</summary>
internal sealed record RunResource(string Kind, double Used, double Budget, double Device, bool Binds);
