namespace Quasar.HwGen.Cli.Verbs.Sweep;

/// <summary>One step of a task's log: its lines, and its exit code (null: the step never ended; it was killed).</summary>
internal sealed record TaskLogStep(string Step, IReadOnlyList<string> Lines, int? ExitCode);
