namespace Quasar.HwGen.FakeVitis;

/// <summary>The lines a tool prints when a step succeeds, when it fails, and the exit code of the failure.</summary>
internal sealed record FakeLog(IReadOnlyList<string> Success, IReadOnlyList<string> Failure, int FailureExitCode);
