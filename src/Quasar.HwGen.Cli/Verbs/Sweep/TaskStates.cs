namespace Quasar.HwGen.Cli.Verbs.Sweep;

/// <summary>Slurm's job states as both schedulers report them, and which of them are final.</summary>
internal static class TaskStates
{
    public const string Pending = "PENDING";
    public const string Running = "RUNNING";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
    public const string Timeout = "TIMEOUT";

    /// <summary>A task that has left squeue and that sacct does not know (no accounting): its log decides.</summary>
    public const string Gone = "GONE";

    public static bool IsFinal(string state) => state is not (Pending or Running or "CONFIGURING" or "COMPLETING" or "REQUEUED" or "RESIZING" or "SUSPENDED");
}
