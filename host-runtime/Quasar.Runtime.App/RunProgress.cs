using Microsoft.Extensions.Logging;

namespace Quasar.Runtime.App;

/// <summary>
/// Progress of a run: a line that rewrites itself on a terminal's stderr, and a log entry every tenth of the run (the
/// journal's view under systemd). Reports arrive from every frame in flight.
/// </summary>
internal sealed class RunProgress(int total, ILogger logger) : IProgress<int>
{
    private readonly bool _terminal = !Console.IsErrorRedirected;
    private readonly int _logEvery = Math.Max(1, total / 10);

    public void Report(int value)
    {
        if (_terminal && (value % 16 == 0 || value == total)) Console.Error.Write($"\r{value}/{total} images");
        if (value % _logEvery == 0 || value == total) logger.LogInformation("{Done}/{Total} images", value, total);
    }

    public void Finish()
    {
        if (_terminal) Console.Error.WriteLine();
    }
}
