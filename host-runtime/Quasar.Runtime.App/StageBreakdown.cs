using System.Globalization;

namespace Quasar.Runtime.App;

/// <summary>
/// Where a frame's time went: host ops, and the accelerator's calls split into the stages the backend reports (for
/// XRT: word layout, transfers, kernel runs; the backend opened with the run, so its totals are the run's). Busy time
/// per frame: with two frames in flight, stages of different frames overlap, and a frame's accelerator call includes
/// its wait for the compute unit, so the sum can exceed the wall time per image.
/// </summary>
internal static class StageBreakdown
{
    public static string Format(SessionStatistics run, IAccelerator accelerator)
    {
        var ci = CultureInfo.InvariantCulture;
        string Milliseconds(TimeSpan total) => string.Create(ci, $"{(run.Frames == 0 ? 0 : total.TotalMilliseconds / run.Frames):F3} ms");
        var stages = accelerator is IAcceleratorStages staged
            ? " (" + string.Join(", ", staged.Stages.Select(s => $"{s.Stage} {Milliseconds(s.Total)}")) + ")"
            : "";
        return $"busy time per frame: host ops {Milliseconds(run.HostOps)}, accelerator calls {Milliseconds(run.Accelerator)}{stages}";
    }
}
