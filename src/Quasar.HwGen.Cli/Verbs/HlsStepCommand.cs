using System.CommandLine;
using System.Globalization;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Vitis.Hls;
using Quasar.HwGen.Vitis.Projects;
using Quasar.HwGen.Vitis.Reports;
using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>
/// `quasar synth`, `quasar cosim` and `quasar export`: one Vitis HLS step of a generated project (classic Tcl flow or the unified
/// vitis-run/v++ flow, whichever is installed), its output streamed to stderr and to <c>&lt;project&gt;/logs/&lt;verb&gt;.log</c>,
/// gated on the log and then on the step's report (docs/vitis.md, "Error gating"); the report's figures on stdout.
/// A failure is exit 4 naming the evidence; Ctrl-C ends the tool's whole process tree and exits 130 (<see cref="SignalCancellation"/>).
/// </summary>
public static class HlsStepCommand
{
    public static Command Create(string name, HlsStep step, string description)
    {
        var project = LintCommand.ProjectArgument();
        var timeout = StepTimeout.Option("a ViT cosim can take hours");
        var command = new Command(name, description) { project, timeout };
        command.SetAction((parse, outer) => CliErrors.RunAsync(parse, async () =>
        {
            using var signals = new SignalCancellation(outer);
            var cancellation = signals.Token;
            var hls = HlsProject.Open(parse.GetRequiredValue(project).FullName);
            var tools = await ToolDiscovery.DiscoverAsync(cancellation).ConfigureAwait(false);
            var options = VitisHlsOptions.Default with { Timeout = StepTimeout.Value(parse, timeout) };
            var runner = new VitisHlsRunner(tools, tools.Flow, options);
            // Without Vitis the runner says what to install, before a log folder appears in the project.
            if (runner.Flow == HlsFlow.None) await runner.RunAsync(hls, step, cancellation: cancellation).ConfigureAwait(false);
            HlsStepResult result;
            using (var log = StepLog.Open(hls.Root, name))
            {
                await Console.Error.WriteLineAsync($"{name} with Vitis HLS {tools.VitisVersion ?? "(release unknown)"} ({runner.Flow} flow) in {hls.Root}; log in {log.Path}").ConfigureAwait(false);
                result = await runner.RunAsync(hls, step, [], log.Progress, cancellation).ConfigureAwait(false);
            }
            foreach (var line in Summary(name, result)) Console.WriteLine(line);
            if (step == HlsStep.Export) Console.WriteLine($"kernel object: {HlsReportGate.ExportedKernel(hls.Root, runner.Flow, options)}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static IEnumerable<string> Summary(string name, HlsStepResult result)
    {
        var ci = CultureInfo.InvariantCulture;
        yield return string.Create(ci, $"{name} (Vitis HLS, {result.Flow} flow): PASS in {result.Duration.TotalSeconds:F1} s");
        if (result.Csynth is { } csynth)
        {
            yield return string.Create(ci,
                $"{csynth.TopModel} on {csynth.Part}: latency {Cycles(csynth.BestCaseLatency)}..{Cycles(csynth.WorstCaseLatency)} cycles, interval {Cycles(csynth.IntervalMin)}..{Cycles(csynth.IntervalMax)}; estimated clock {csynth.EstimatedClockPeriodNs?.ToString("0.###", ci) ?? "?"} ns for a {csynth.TargetClockPeriodNs:0.###} ns target");
            yield return "resources: " + Resources(csynth.Resources, csynth.Available);
        }
        if (result.Cosim is { } cosim)
        {
            foreach (var row in cosim.Rows.Where(r => r.Ran))
            {
                yield return string.Create(ci,
                    $"{row.Rtl}: {row.Status}, latency {Cycles(row.LatencyMin)}/{Cycles(row.LatencyAverage)}/{Cycles(row.LatencyMax)} cycles (min/avg/max), interval {Cycles(row.IntervalMin)}/{Cycles(row.IntervalAverage)}/{Cycles(row.IntervalMax)}");
            }
        }
    }

    /// <summary>"DSP 518/2,520 (21%), LUT ..." for a report's figures against the part's (without it, the counts alone).</summary>
    internal static string Resources(ResourceUsage used, ResourceUsage? available)
    {
        string One(string name, int count, int? of) => of is int limit && limit > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{name} {count:N0}/{limit:N0} ({100.0 * count / limit:F0}%)")
            : string.Create(CultureInfo.InvariantCulture, $"{name} {count:N0}");
        return string.Join(", ",
            One("DSP", used.Dsp, available?.Dsp), One("LUT", used.Lut, available?.Lut), One("FF", used.Ff, available?.Ff),
            One("BRAM_18K", used.Bram18K, available?.Bram18K), One("URAM", used.Uram, available?.Uram));
    }

    private static string Cycles(long? cycles) => cycles?.ToString("N0", CultureInfo.InvariantCulture) ?? "undef";
}
