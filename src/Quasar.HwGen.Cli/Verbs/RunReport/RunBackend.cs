namespace Quasar.HwGen.Cli.Verbs.RunReport;

/// <summary>Whether a backend computed the emulation's bits: "reference" (emu, what the others are compared with), "bit-exact" or "not run", with the detail.</summary>
internal sealed record RunBackend(string Backend, string Status, string Detail)
{
    public const string BitExact = "bit-exact";
    public const string Reference = "reference";
    public const string NotRun = "not run";
}
