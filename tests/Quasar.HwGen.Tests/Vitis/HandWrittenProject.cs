namespace Quasar.HwGen.Tests.Vitis;

/// <summary>
/// A small project in the layout of docs/hls-engine.md §5 (src/quasar_gemm.cpp, tb/quasar_tb.cpp, include/), written by
/// the tests: a dot-product kernel and a testbench that calls it three times and prints the contract's verdict lines.
/// </summary>
internal static class HandWrittenProject
{
    public const string CorrectKernel = """
        #include "quasar_engine_config.h"
        extern "C" int quasar_gemm(const signed char* a, const signed char* b, int* out, int n) {
            if (n <= 0 || n > QUASAR_MAX_REDUCTION) return 4;
            int acc = 0;
            for (int j = 0; j < n; j++) {
        #pragma HLS LOOP_TRIPCOUNT max = QUASAR_MAX_REDUCTION
                acc += a[j] * b[j];
            }
            *out = acc;
            return 0;
        }
        """;

    /// <summary>Off by one on the third call's result.</summary>
    public const string WrongKernel = """
        #include "quasar_engine_config.h"
        extern "C" int quasar_gemm(const signed char* a, const signed char* b, int* out, int n) {
            int acc = 0;
            for (int j = 0; j < n; j++) acc += a[j] * b[j];
            *out = a[0] == 2 ? acc + 1 : acc;
            return 0;
        }
        """;

    public const string StatusKernel = """
        extern "C" int quasar_gemm(const signed char*, const signed char*, int*, int) { return 1; }
        """;

    public const string CrashingKernel = """
        #include <cstdlib>
        extern "C" int quasar_gemm(const signed char*, const signed char*, int*, int) { std::abort(); }
        """;

    public const string Testbench = """
        #include <cstdio>
        #include "quasar_engine_config.h"
        extern "C" int quasar_gemm(const signed char* a, const signed char* b, int* out, int n);
        int main(int argc, char** argv) {
            for (int i = 1; i < argc; i++) {
                std::FILE* golden = std::fopen(argv[i], "rb");
                if (!golden) { std::printf("cannot open golden file %s\n", argv[i]); return 2; }
                std::fclose(golden);
                std::printf("golden %s\n", argv[i]);
            }
            if (std::FILE* self = std::fopen("tb/quasar_tb.cpp", "r")) { std::printf("running in the project directory\n"); std::fclose(self); }
            const int calls = 3;
            for (int call = 0; call < calls; call++) {
                signed char a[QUASAR_MAX_REDUCTION], b[QUASAR_MAX_REDUCTION];
                int expected = 0;
                for (int j = 0; j < QUASAR_MAX_REDUCTION; j++) {
                    a[j] = (signed char)(call + j);
                    b[j] = (signed char)(3 - j);
                    expected += a[j] * b[j];
                }
                int got = 0;
                int status = quasar_gemm(a, b, &got, QUASAR_MAX_REDUCTION);
                if (status != 0) { std::printf("STATUS layer=fc%d image=0 status=%d\n", call, status); return 1; }
                if (got != expected) {
                    std::printf("MISMATCH layer=fc%d tensor=fc%d_out image=0 index=0,0,0 expected=%d got=%d\n", call, call, expected, got);
                    return 1;
                }
                std::printf("call %d ok\n", call);
            }
            std::printf("PASS %d calls\n", calls);
            return 0;
        }
        """;

    public const string EngineConfig = "#pragma once\n#define QUASAR_MAX_REDUCTION 8\n";

    /// <summary>Writes the project into <paramref name="root"/> and returns it.</summary>
    public static string Write(string root, string kernel = CorrectKernel, string testbench = Testbench)
    {
        Directory.CreateDirectory(Path.Combine(root, "src"));
        Directory.CreateDirectory(Path.Combine(root, "tb"));
        Directory.CreateDirectory(Path.Combine(root, "include"));
        Directory.CreateDirectory(Path.Combine(root, "scripts"));
        File.WriteAllText(Path.Combine(root, "src", "quasar_gemm.cpp"), kernel + "\n");
        File.WriteAllText(Path.Combine(root, "tb", "quasar_tb.cpp"), testbench + "\n");
        File.WriteAllText(Path.Combine(root, "include", "quasar_engine_config.h"), EngineConfig);
        File.WriteAllText(Path.Combine(root, "scripts", "run_hls.tcl"), "# fake: the fake vitis_hls does not read it\nexit\n");
        File.WriteAllText(Path.Combine(root, "hls_config.cfg"), "part=xczu9eg-ffvb1156-2-e\n[hls]\nflow_target=vitis\nsyn.file=src/quasar_gemm.cpp\nsyn.top=quasar_gemm\ntb.file=tb/quasar_tb.cpp\n");
        return root;
    }
}
