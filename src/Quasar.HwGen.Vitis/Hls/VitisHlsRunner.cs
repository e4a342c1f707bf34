using Quasar.HwGen.Vitis.Csim;
using Quasar.HwGen.Vitis.Processes;
using Quasar.HwGen.Vitis.Projects;
using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Vitis.Hls;

/// <summary>
/// Runs one HLS step of a generated project with the flow the toolset allows (<see cref="HlsInvocation.For"/>),
/// streaming the tool's output, and gates success on the log (<see cref="HlsLogGate"/>) and then on the step's report
/// (<see cref="HlsReportGate"/>), never on the exit code alone.
/// </summary>
public sealed class VitisHlsRunner(Toolset tools, HlsFlow flow, VitisHlsOptions options)
{
    public VitisHlsRunner(Toolset tools) : this(tools, tools?.Flow ?? HlsFlow.None, VitisHlsOptions.Default)
    {
    }

    public HlsFlow Flow { get; } = flow;

    public VitisHlsOptions Options { get; } = options;

    /// <summary>Runs <paramref name="step"/>; throws <see cref="HlsStepFailedException"/> when the log shows a failure.</summary>
    /// <param name="testbenchArguments">Extra testbench arguments (golden files); classic flow only.</param>
    public async Task<HlsStepResult> RunAsync(HlsProject project, HlsStep step, IReadOnlyList<string>? testbenchArguments = null,
        IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (Flow == HlsFlow.None)
        {
            throw new ToolNotFoundException($"{ToolNames.VitisHls} or {ToolNames.VitisRun} + {ToolNames.Vpp}", tools.SearchPath.Directories,
                ToolNames.Fix(ToolNames.VitisRun));
        }
        var invocation = HlsInvocation.For(Flow, step, Options, testbenchArguments ?? []);
        if (Flow == HlsFlow.ClassicTcl) project.RequireFile(Options.TclScript, "the classic Vitis HLS flow");
        else project.RequireFile(Options.Config, "the unified Vitis HLS flow");
        var executable = tools.Require(invocation.Tool);

        var run = await ToolRunner.RunAsync(executable, invocation.Arguments, project.Root, progress is null ? null : progress.Report,
            Options.Timeout, cancellation).ConfigureAwait(false);
        var gate = HlsLogGate.Evaluate(step, run.Lines, run.ExitCode);
        var testbench = TestbenchOutput.Parse(run.Lines);
        if (!gate.Passed)
        {
            var excerpt = gate.EvidenceLines.Count > 0 ? gate.EvidenceLines.Take(Options.ExcerptLines).ToArray() : run.Tail(Options.ExcerptLines);
            throw new HlsStepFailedException(step, Flow, run.Command, run.ExitCode, gate, testbench, excerpt);
        }
        // A clean log is not enough: the step's report must exist and agree (a tool may exit 0 after a timing failure).
        var (problems, csynth, cosim) = HlsReportGate.Check(project.Root, Flow, Options, step);
        if (problems.Count > 0)
        {
            throw new HlsStepFailedException(step, Flow, run.Command, run.ExitCode, new HlsLogVerdict(false, problems, gate.EvidenceLines), testbench,
                gate.EvidenceLines.Count > 0 ? gate.EvidenceLines.Take(Options.ExcerptLines).ToArray() : run.Tail(Options.ExcerptLines));
        }
        return new HlsStepResult(step, Flow, run.Command, run.ExitCode, run.Lines, testbench, run.Duration) { Csynth = csynth, Cosim = cosim };
    }
}
