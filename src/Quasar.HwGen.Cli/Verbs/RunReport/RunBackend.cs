namespace Quasar.HwGen.Cli.Verbs.RunReport;

/// <summary>Whether a backend computed the emulation's bits: "bit-exact", "differs" or "not run", with the detail.</summary>
internal sealed record RunBackend(string Backend, string Status, string Detail)
{
    public const string BitExact = "bit-exact";
    public const string Differs = "differs";
    public const string NotRun = "not run";
}
