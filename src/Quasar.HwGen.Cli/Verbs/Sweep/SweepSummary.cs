using System.Globalization;
using System.Text;

namespace Quasar.HwGen.Cli.Verbs.Sweep;

/// <summary>The terminal table of a sweep's designs: task, scheduler state, and done or why not with the log's evidence.</summary>
internal static class SweepSummary
{
    public static string Format(SweepLayout layout, IReadOnlyList<DesignOutcome> outcomes)
    {
        var text = new StringBuilder();
        int done = outcomes.Count(o => o.IsDone);
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"sweep {layout.Root}: {done} of {outcomes.Count} design(s) done"));
        int width = outcomes.Max(o => o.Task.Design.Name.Length);
        foreach (var o in outcomes)
        {
            var task = o.Task;
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"  {task.Design.Name.PadRight(width)}  task {task.Index,-3} {task.JobId ?? "-",-10} {task.State ?? "-",-10} {o.Describe()}"));
        }
        return text.ToString();
    }
}
