namespace Quasar.HwGen.FakeVitis;

/// <summary>A Vitis HLS step (csim, csynth, cosim, export) of either flow, ending as the scenario asks.</summary>
internal static class HlsFake
{
    public static string ClassicStep(string step) => step is "csim" or "csynth" or "cosim" or "export" ? step
        : throw new FakeUsageException($"scripts/run_hls.tcl takes csim, csynth, cosim or export, not '{step}'");

    public static string UnifiedStep(string flag) => flag switch
    {
        "--csim" => "csim",
        "--cosim" => "cosim",
        "--package" => "export",
        _ => throw new FakeUsageException($"vitis-run --mode hls takes --csim, --cosim or --package, not '{flag}'"),
    };

    public static int Run(ToolCall call, FakeScenario scenario, string step, HlsLayout layout)
    {
        bool classic = call.Tool == "vitis_hls";
        var log = FakeLogs.Hls(call.Tool, scenario, step, classic);
        return FakeOutcome.End(scenario, log, () =>
        {
            WriteOutputs(scenario, step, layout, log.Success);
            // v++ -c --mode hls also packages the kernel object (package.output.* in hls_config.cfg).
            if (call.Tool == "v++") WriteOutputs(scenario, "export", layout, log.Success);
        });
    }

    private static void WriteOutputs(FakeScenario scenario, string step, HlsLayout layout, IReadOnlyList<string> logLines)
    {
        switch (step)
        {
            case "csim":
                ReportFiles.WriteText(Path.Combine(layout.Solution, "csim", "report", $"{layout.Top}_csim.log"), logLines);
                break;
            case "csynth":
                ReportFiles.Csynth(scenario, layout);
                break;
            case "cosim":
                ReportFiles.Cosim(scenario, layout);
                break;
            case "export":
                ReportFiles.KernelObject(Path.Combine(layout.KernelObjectFolder, $"{layout.Top}.xo"));
                break;
        }
    }
}
