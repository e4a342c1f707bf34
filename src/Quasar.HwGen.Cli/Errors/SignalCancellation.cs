using System.Runtime.InteropServices;

namespace Quasar.HwGen.Cli.Errors;

/// <summary>
/// For verbs that run an external tool: the first Ctrl+C or SIGTERM cancels <see cref="Token"/>, so the tool's whole
/// process tree is killed (CliWrap) and the verb ends with "interrupted" and exit 130; a second signal ends the process
/// at once. Without it .NET ends the process on the first signal and leaves the tool running, orphaned: System.CommandLine
/// 2.0 cancels its token only when a process termination timeout is configured, and then exits after that timeout.
/// </summary>
internal sealed class SignalCancellation : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;
    private int _signals;

    public SignalCancellation(CancellationToken outer)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    public CancellationToken Token => _source.Token;

    /// <summary>Counts signals, not the token's state: an outer cancellation must not turn the user's first Ctrl+C into a hard quit.</summary>
    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = Interlocked.Increment(ref _signals) == 1;
        if (!context.Cancel) return;
        Console.Error.WriteLine("stopping the tool (again to quit at once)");
        _source.Cancel();
    }

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _source.Dispose();
    }
}
