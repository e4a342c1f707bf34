namespace Quasar.HwGen.Cli.Verbs.Sweep;

/// <summary>
/// The scheduler that runs a sweep's tasks: quasar only submits, asks for each task's state, and cancels. Queueing,
/// placing and time limits are the scheduler's (Slurm's, or make's and timeout's on one machine).
/// </summary>
internal interface ISweepScheduler : IDisposable
{
    /// <summary>"slurm" or "make", as sweep.json records it.</summary>
    string Name { get; }

    Task<SweepSubmission> SubmitAsync(IReadOnlyList<int> tasks, CancellationToken cancellation);

    /// <summary>Each submitted task's state in Slurm's words (PENDING, RUNNING, COMPLETED, FAILED, TIMEOUT, CANCELLED, ...).</summary>
    Task<IReadOnlyDictionary<int, string>> PollAsync(SweepSubmission submission, CancellationToken cancellation);

    /// <summary>Ends the submission's tasks that still run or wait; returns what was done, for the user.</summary>
    Task<string> CancelAsync(SweepSubmission submission);
}
