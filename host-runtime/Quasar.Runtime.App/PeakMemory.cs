using System.Globalization;

namespace Quasar.Runtime.App;

/// <summary>
/// The process's peak resident memory (VmHWM of /proc/self/status): what the board's 4 GB of PS DDR, shared with the
/// accelerator's buffers, must hold.
/// </summary>
internal static class PeakMemory
{
    public static long? Bytes()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return null;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
        return long.TryParse(kilobytes, NumberStyles.None, CultureInfo.InvariantCulture, out long value) ? value * 1024 : null;
    }

    public static string Describe() => Bytes() is long bytes
        ? string.Create(CultureInfo.InvariantCulture, $"peak resident memory: {bytes / (1024.0 * 1024):F1} MB")
        : "peak resident memory: unknown (no /proc/self/status)";
}
