using System.Text.Json.Serialization;

namespace Quasar.HwGen.Core.Configs;

/// <summary>
/// One design of a sweep: an IR package generated with one engine choice (`quasar generate --engine ...
/// --max-reduction ... --max-rows ...`), under a name that is its project folder and its task's name.
/// </summary>
/// <param name="Package">The IR package's folder, absolute; empty for a design given as a subnet.</param>
/// <param name="Engine">space, subnet or tiny, as `quasar generate --engine` takes them.</param>
/// <param name="Subnet">
/// A subnet YAML (absolute; e.g. one of a search's pareto/*.subnet.yaml) that the sweep lowers first, with random
/// weights: synthesis figures depend on the subnet's shapes, not on its weights.
/// </param>
/// <param name="SubnetSha256">
/// The subnet YAML's SHA-256 when the sweep file was read: a subnet edited under the same file name is another design.
/// Left out of sweep.json for a design given as a package.
/// </param>
/// <param name="PackageSha256">
/// The SHA-256 of the package's manifest.json (which holds every file's SHA-256) when the sweep file was read: a
/// package lowered again under the same folder is another design. Left out for a design given as a subnet, and when
/// the package has no manifest (generation then says what is wrong with it).
/// </param>
public sealed record SweepDesign(string Name, string Package, string Engine, int? MaxReduction, int? MaxRows, string? Subnet = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SubnetSha256 = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PackageSha256 = null)
{
    /// <summary>The file name suffix of subnet YAML files (`quasar search` writes pareto/pareto-NN.subnet.yaml).</summary>
    public const string SubnetSuffix = ".subnet.yaml";

    /// <summary>What the design is generated from, as the output names it.</summary>
    public string Source => Subnet ?? Package;

    public static readonly IReadOnlyList<string> Engines = ["space", "subnet", "tiny"];

    /// <summary>A tiny array synthesizes in minutes: those designs run first, so a broken flow shows early.</summary>
    public bool IsTiny => Engine == "tiny";
}
