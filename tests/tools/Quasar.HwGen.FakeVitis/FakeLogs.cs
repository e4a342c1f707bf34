namespace Quasar.HwGen.FakeVitis;

/// <summary>
/// Log lines in the form the real tools print them (banners, message ids, the success and failure lines the driver
/// gates on, docs/vitis.md "Error gating"). The ids are those of the releases the fixtures come from; the driver keys
/// only on the prefixes (ERROR:, ERR:, @E) and the success lines, which are stable across releases.
/// </summary>
internal static class FakeLogs
{
    public static IReadOnlyList<string> Banner(string tool, FakeScenario scenario) =>
    [
        tool switch
        {
            "vitis_hls" when scenario.IsVivadoHls => $"****** Vivado(TM) HLS - High-Level Synthesis from C, C++ and SystemC v{scenario.Release} (64-bit)",
            "vitis_hls" => $"****** Vitis HLS - High-Level Synthesis from C, C++ and OpenCL v{scenario.Release} (64-bit)",
            _ => $"****** {tool} v{scenario.Release} (64-bit)",
        },
        "  **** SW Build 0000000 on (fake)",
        "    ** Copyright 1986-2024 Xilinx, Inc. All Rights Reserved.",
    ];

    public static FakeLog Hls(string tool, FakeScenario scenario, string step, bool classic)
    {
        var banner = Banner(tool, scenario);
        string[] opening = classic
            ? ["INFO: [HLS 200-10] Running '/opt/Xilinx/bin/unwrapped/lnx64.o/vitis_hls'", "INFO: [HLS 200-1510] Running: source scripts/run_hls.tcl -tclargs " + step]
            : [$"INFO: [v++ 60-1548] Creating build summary session with primary output {step}", "INFO: [HLS 200-10] For user 'fake' on host 'fake'"];
        var (success, failure, scriptCode) = step switch
        {
            "csim" => (
                (string[])["INFO: [SIM 211-2] *************** CSIM start ***************", "PASS 100 calls", "INFO: [SIM 211-1] CSim done with 0 errors.", "INFO: [SIM 211-3] *************** CSIM finish ***************"],
                classic
                    ? (string[])["MISMATCH call 7 out0[12]: expected 41, got 40", "@E Simulation failed: Function 'main' returns nonzero value '1'.", "ERROR: [SIM 211-100] 'csim_design' failed: nonzero return value."]
                    : ["MISMATCH call 7 out0[12]: expected 41, got 40", "ERR: [SIM 100] CSim failed with errors."],
                2),
            "csynth" => (
                ["INFO: [HLS 200-1510] Running: csynth_design", "INFO: [HLS 200-789] **** Estimated Fmax: 155.59 MHz", "INFO: [HLS 200-111] Finished Command csynth_design CPU user time: 1 seconds. CPU system time: 0 seconds. Elapsed time: 1 seconds"],
                ["INFO: [HLS 200-1510] Running: csynth_design", "ERROR: [HLS 207-3776] use of undeclared identifier 'acc' (src/quasar_gemm.cpp:42:5)", "ERROR: [HLS 200-1715] Encountered problem during source synthesis"],
                3),
            "cosim" => (
                ["INFO: [COSIM 212-47] Using XSIM for RTL simulation.", "INFO: [COSIM 212-316] Starting C post checking ...", "INFO: [COSIM 212-1000] *** C/RTL co-simulation finished: PASS ***"],
                ["INFO: [COSIM 212-47] Using XSIM for RTL simulation.", "ERROR: [COSIM 212-359] Aborting co-simulation: C TB simulation failed.", "INFO: [COSIM 212-1000] *** C/RTL co-simulation finished: FAIL ***"],
                4),
            "export" => (
                ["INFO: [HLS 200-1510] Running: export_design -format xo", "INFO: [IMPL 213-8] Exporting RTL as a Vivado IP."],
                ["INFO: [HLS 200-1510] Running: export_design -format xo", "ERROR: [IMPL 213-28] Failed to generate IP."],
                5),
            _ => throw new FakeUsageException($"step {step}"),
        };
        // The generated Tcl script catches a failing step, prints its own line and exits with the step's code.
        string[] scriptFailure = classic ? [$"QUASAR-ERROR: {step} failed"] : [];
        return new FakeLog([.. banner, .. opening, .. success], [.. banner, .. opening, .. failure, .. scriptFailure], classic ? scriptCode : 1);
    }

    public static FakeLog Link(FakeScenario scenario, string xclbin) => new(
        [.. Banner("v++", scenario), "INFO: [v++ 60-1306] Additional information associated with this v++ link can be found at:", "INFO: [v++ 60-791] Total elapsed time: 0h 0m 1s", $"INFO: [v++ 60-1653] Closing dispatch client.", $"INFO: [v++ 60-244] Generating system estimate report...", $"Output: {xclbin}"],
        [.. Banner("v++", scenario), "ERROR: [VPL 60-704] Integration error, Failed to complete hardware generation.", "ERROR: [v++ 60-661] v++ link run 'run_link' failed", "ERROR: [v++ 60-626] Kernel link failed to complete", "ERROR: [v++ 60-703] Failed to finish linking"],
        1);

    public static FakeLog Package(FakeScenario scenario, string image) => new(
        [.. Banner("v++", scenario), "INFO: [v++ 60-1306] Additional information associated with this v++ package can be found at:", "INFO: [v++ 60-791] Total elapsed time: 0h 0m 1s", $"Output: {image}"],
        [.. Banner("v++", scenario), "ERROR: [v++ 82-1210] Failed to create the SD card image", "ERROR: [v++ 60-703] Failed to finish packaging"],
        1);
}
