namespace Quasar.HwGen.FakeVitis;

/// <summary>Dispatches a call to the command the real tool would run for those arguments.</summary>
internal static class FakeTools
{
    public static int Run(ToolCall call, FakeScenario scenario)
    {
        string[] args = call.Arguments;
        switch (call.Tool)
        {
            case "vitis_hls" when args is ["-version"] or ["--version"]:
            case "vitis-run" or "v++" when args is ["--version"] or ["-v"]:
                foreach (var line in FakeLogs.Banner(call.Tool, scenario)) Console.WriteLine(line);
                return 0;
            case "vitis_hls" when args is ["-f", _, "-tclargs", var step, ..]:
                call.ExistingFile(args[1], "the Tcl script");
                return HlsFake.Run(call, scenario, HlsFake.ClassicStep(step), HlsLayout.Classic(call));
            case "vitis-run" when args is ["--mode", "hls", var step, "--config", _, "--work_dir", _]:
                call.ExistingFile(call.Value("--config"), "the HLS config");
                return HlsFake.Run(call, scenario, HlsFake.UnifiedStep(step), HlsLayout.Unified(call));
            case "v++" when args is ["-c", "--mode", "hls", "--config", _, "--work_dir", _]:
                call.ExistingFile(call.Value("--config"), "the HLS config");
                return HlsFake.Run(call, scenario, "csynth", HlsLayout.Unified(call));
            case "v++" when args.Length > 0 && args[0] == "-l":
                return VppFake.Link(call, scenario);
            case "v++" when args.Length > 0 && args[0] == "-p":
                return VppFake.Package(call, scenario);
            default:
                throw new FakeUsageException($"unexpected command line: {call.Tool} {string.Join(' ', args)}");
        }
    }
}
