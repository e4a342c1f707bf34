namespace Quasar.HwGen.Core.Configs;

/// <summary>
/// One design of a sweep: an IR package generated with one engine choice (`quasar generate --engine ...
/// --max-reduction ... --max-rows ...`), under a name that is its project folder and its task's name.
/// </summary>
/// <param name="Package">The IR package's folder, absolute.</param>
/// <param name="Engine">space, subnet or tiny, as `quasar generate --engine` takes them.</param>
public sealed record SweepDesign(string Name, string Package, string Engine, int? MaxReduction, int? MaxRows)
{
    public static readonly IReadOnlyList<string> Engines = ["space", "subnet", "tiny"];

    /// <summary>A tiny array synthesizes in minutes: those designs run first, so a broken flow shows early.</summary>
    public bool IsTiny => Engine == "tiny";
}
