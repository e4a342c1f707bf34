namespace Quasar.HwGen.Cli.Verbs.Sweep;

/// <summary>One submission: the scheduler's job (a Slurm array job id, or make's pid), the tasks it ran, when, and the command.</summary>
internal sealed record SweepSubmission(string Job, IReadOnlyList<int> Tasks, DateTimeOffset SubmittedAt, string Command);
