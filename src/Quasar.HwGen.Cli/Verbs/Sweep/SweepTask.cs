using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Cli.Verbs.Sweep;

/// <summary>One design and its task number: its Slurm array index, its make target task-&lt;n&gt; and its log's name.</summary>
/// <param name="State">The scheduler's last word on the task (COMPLETED, FAILED, TIMEOUT, ...); null before any submission.</param>
/// <param name="JobId">The job (Slurm: job_task) that last ran it.</param>
internal sealed record SweepTask(int Index, SweepDesign Design, string? State = null, string? JobId = null);
