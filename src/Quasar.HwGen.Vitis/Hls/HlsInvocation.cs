using Quasar.HwGen.Vitis.Processes;
using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Vitis.Hls;

/// <summary>The tool and arguments one HLS step runs with (working directory: the project).</summary>
public sealed record HlsInvocation(string Tool, IReadOnlyList<string> Arguments)
{
    public override string ToString() => CommandLine.Format(Tool, Arguments);

    /// <summary>
    /// Classic flow: <c>vitis_hls -f scripts/run_hls.tcl -tclargs &lt;step&gt; [golden...]</c> (the script reads the
    /// step from <c>$argv</c>). Unified flow: <c>v++ -c --mode hls</c> for C synthesis, <c>vitis-run --mode hls
    /// --csim|--cosim|--package</c> for the rest, each with <c>--config hls_config.cfg --work_dir &lt;work&gt;</c>.
    /// </summary>
    public static HlsInvocation For(HlsFlow flow, HlsStep step, VitisHlsOptions options, IReadOnlyList<string> extraArguments)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(extraArguments);
        switch (flow)
        {
            case HlsFlow.ClassicTcl:
                return new HlsInvocation(ToolNames.VitisHls, ["-f", options.TclScript, "-tclargs", StepArgument(step), .. extraArguments]);
            case HlsFlow.Unified:
                if (extraArguments.Count > 0)
                {
                    throw new ArgumentException(
                        "the unified flow takes testbench arguments from hls_config.cfg (csim.argv / cosim.argv), not the command line; use the classic flow or g++ csim to pass golden files");
                }
                string[] common = ["--config", options.Config, "--work_dir", options.WorkDirectory];
                return step switch
                {
                    HlsStep.Csynth => new HlsInvocation(ToolNames.Vpp, ["-c", "--mode", "hls", .. common]),
                    HlsStep.Csim => new HlsInvocation(ToolNames.VitisRun, ["--mode", "hls", "--csim", .. common]),
                    HlsStep.Cosim => new HlsInvocation(ToolNames.VitisRun, ["--mode", "hls", "--cosim", .. common]),
                    HlsStep.Export => new HlsInvocation(ToolNames.VitisRun, ["--mode", "hls", "--package", .. common]),
                    _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
                };
            default:
                throw new ArgumentOutOfRangeException(nameof(flow), flow, "no Vitis HLS flow: neither vitis_hls nor vitis-run + v++ was found");
        }
    }

    /// <summary>The step argument scripts/run_hls.tcl takes: csim, csynth, cosim or export.</summary>
    public static string StepArgument(HlsStep step) => step switch
    {
        HlsStep.Csim => "csim",
        HlsStep.Csynth => "csynth",
        HlsStep.Cosim => "cosim",
        HlsStep.Export => "export",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };
}
