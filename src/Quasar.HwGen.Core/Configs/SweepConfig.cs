namespace Quasar.HwGen.Core.Configs;

/// <summary>
/// A sweep file (docs/sweep.md): which designs to generate (a list, a grid, or both), which Vitis HLS steps each runs,
/// and the scheduler that runs them: a Slurm job array, or make -j on this machine when no <c>slurm</c> is given.
/// The file's relative paths are resolved against <see cref="Directory"/>, its folder.
/// </summary>
public sealed record SweepConfig(
    string Source,
    string Directory,
    string Platform,
    ValueList<string> Steps,
    IReadOnlyList<SweepDesign> Designs,
    SlurmSettings? Slurm,
    MakeSettings Make)
{
    /// <summary>The make targets of a generated project a task may run, in the order a flow needs them.</summary>
    public static readonly IReadOnlyList<string> KnownSteps = ["csynth", "cosim"];

    public static readonly IReadOnlyList<string> DefaultSteps = ["csynth", "cosim"];

    /// <summary>Where the sweep's projects are generated, when the command line does not say.</summary>
    public string DefaultOutput => System.IO.Path.Combine(Directory, System.IO.Path.GetFileNameWithoutExtension(Source));
}
