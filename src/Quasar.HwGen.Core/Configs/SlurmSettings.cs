namespace Quasar.HwGen.Core.Configs;

/// <summary>
/// The sbatch options of a sweep's job array: one task per design, each with <paramref name="TimeLimit"/> (Slurm's
/// --time; it cancels a task that runs longer) and the resources given; <paramref name="Extra"/> are passed verbatim.
/// </summary>
public sealed record SlurmSettings(TimeSpan TimeLimit, string? Partition, int? CpusPerTask, string? Memory, string? Account,
    ValueList<string> Extra);
