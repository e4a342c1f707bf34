namespace Quasar.HwGen.Tests.Vitis;

/// <summary>Logs in the shape Vitis HLS prints them (message ids and markers as in real runs), for the fake tools.</summary>
internal static class VitisLogs
{
    public const string CsimPass = """
        INFO: [HLS 200-10] Running '/tools/Xilinx/Vitis_HLS/2023.2/bin/unwrapped/lnx64.o/vitis_hls'
        INFO: [HLS 200-1510] Running: open_project -reset prj
        INFO: [HLS 200-1510] Running: csim_design -clean
        INFO: [SIM 211-2] *************** CSIM start ***************
        INFO: [SIM 211-4] CSIM will launch GCC as the compiler.
           Compiling ../../../../tb/quasar_tb.cpp in debug mode
           Compiling ../../../../src/quasar_gemm.cpp in debug mode
           Generating csim.exe
        PASS 3 calls
        INFO: [SIM 211-1] CSim done with 0 errors.
        INFO: [SIM 211-3] *************** CSIM finish ***************
        INFO: [HLS 200-111] Finished Command csim_design CPU user time: 4.1 seconds. CPU system time: 0.9 seconds. Elapsed time: 6.2 seconds; current allocated memory: 0.000 MB.
        INFO: [HLS 200-112] Total CPU user time: 6 seconds. Total CPU system time: 1.6 seconds. Total elapsed time: 8.3 seconds; peak allocated memory: 1.211 GB.
        """;

    public const string CsimMismatch = """
        INFO: [SIM 211-2] *************** CSIM start ***************
        INFO: [SIM 211-4] CSIM will launch GCC as the compiler.
           Compiling ../../../../tb/quasar_tb.cpp in debug mode
           Generating csim.exe
        MISMATCH layer=blocks.0.fc1 tensor=fc1_out image=0 index=0,3,17 expected=12 got=-4
        @E Simulation failed: Function 'main' returns nonzero value '1'.
        ERROR: [SIM 211-100] 'csim_design' failed: nonzero return value.
        INFO: [SIM 211-3] *************** CSIM finish ***************
        4
            while executing
        "source scripts/run_hls.tcl"
            invoked from within
        "hls::main scripts/run_hls.tcl"
        """;

    public const string CosimPass = """
        INFO: [COSIM 212-47] Using XSIM for RTL simulation.
        INFO: [COSIM 212-14] Instrumenting C test bench ...
        INFO: [COSIM 212-302] Starting C TB testing ...
        PASS 3 calls
        INFO: [COSIM 212-333] Generating C post check test bench ...
        INFO: [COSIM 212-12] Generating RTL test bench ...
        INFO: [COSIM 212-316] Starting C post checking ...
        PASS 3 calls
        INFO: [COSIM 212-1000] *** C/RTL co-simulation finished: PASS ***
        """;

    /// <summary>What some releases do: the RTL disagrees, the report says FAIL, and the tool still exits 0.</summary>
    public const string CosimFail = """
        INFO: [COSIM 212-47] Using XSIM for RTL simulation.
        INFO: [COSIM 212-302] Starting C TB testing ...
        PASS 3 calls
        INFO: [COSIM 212-316] Starting C post checking ...
        MISMATCH layer=head tensor=logits image=0 index=0,0,7 expected=-3 got=5
        INFO: [COSIM 212-1000] *** C/RTL co-simulation finished: FAIL ***
        """;

    public const string CsynthPass = """
        INFO: [HLS 200-1510] Running: csynth_design
        INFO: [HLS 200-111] Finished Command csynth_design CPU user time: 81 seconds. CPU system time: 3 seconds. Elapsed time: 90 seconds; current allocated memory: 411.2 MB.
        """;
}
