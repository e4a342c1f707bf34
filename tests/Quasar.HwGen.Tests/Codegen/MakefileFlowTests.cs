using System.Diagnostics;

namespace Quasar.HwGen.Tests.Codegen;

/// <summary>
/// The generated Makefile run by make against stand-in Vitis tools on PATH (shell scripts that log their arguments and
/// write the file a real tool would): which flow it picks, that `make xo` is the same HLS synthesis as `make csynth`
/// (one compile flow, never a `v++ -c -k` of its own), and that only `v++ -l` reads the link config.
/// </summary>
[TestFixture]
public sealed class MakefileFlowTests
{
    private TemporaryDirectory _directory = null!;
    private string _project = null!;

    [OneTimeSetUp]
    public void Generate()
    {
        _directory = new TemporaryDirectory();
        _project = CodegenFixtures.GenerateSmallProject(_directory);
    }

    [OneTimeTearDown]
    public void Delete() => _directory.Dispose();

    [Test]
    public void With_the_unified_tools_the_kernel_object_comes_from_the_hls_config_synthesis()
    {
        var calls = Make(["vitis-run", "v++", "vitis_hls"], "xo");

        Assert.That(calls, Is.EqualTo(new[] { "v++ -c --mode hls --config hls_config.cfg --work_dir work" }));
        Assert.That(File.Exists(Path.Combine(_project, "build", "hw", "quasar_gemm.xo")), Is.True);
    }

    [Test]
    public void Only_the_link_reads_the_link_config()
    {
        var calls = Make(["vitis-run", "v++"], "xclbin");

        Assert.That(calls, Has.Some.StartsWith("v++ -c --mode hls --config hls_config.cfg"));
        Assert.That(calls, Has.Some.EqualTo("v++ -l -t hw --platform xilinx_zcu102_base_202420_1 --config vpp/zcu102.link.cfg -o build/hw/quasar_gemm.xclbin build/hw/quasar_gemm.xo"));
        Assert.That(calls.Where(c => c.StartsWith("v++ -c", StringComparison.Ordinal)), Has.None.Contains("link.cfg"));
        // quasar-run reads the engine beside the xclbin (XrtAccelerator): the link leaves it there.
        Assert.That(File.ReadAllText(Path.Combine(_project, "build", "hw", "quasar_gemm.engine")), Does.Contain("engine.max_reduction="));
    }

    [Test]
    public void With_only_vitis_hls_the_kernel_object_is_the_tcl_flow_export()
    {
        var calls = Make(["vitis_hls", "v++"], "xo");

        Assert.That(calls, Is.EqualTo(new[] { "vitis_hls -f scripts/run_hls.tcl -tclargs export" }));
    }

    /// <summary>Runs make with PATH holding only the given stand-in tools (plus the system's), from a clean build; returns their calls.</summary>
    private string[] Make(string[] tools, string target)
    {
        using var bin = new TemporaryDirectory();
        var log = bin.File("calls.log");
        foreach (var tool in tools) WriteStub(bin.File(tool), tool, log);
        foreach (var leftover in new[] { "build", "work" }.Select(d => Path.Combine(_project, d)).Where(Directory.Exists)) Directory.Delete(leftover, recursive: true);

        var start = new ProcessStartInfo("make", ["-s", target]) { WorkingDirectory = _project, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = $"{bin.Path}:/usr/bin:/bin";
        using var make = Process.Start(start)!;
        var output = make.StandardOutput.ReadToEnd() + make.StandardError.ReadToEnd();
        make.WaitForExit();
        Assert.That(make.ExitCode, Is.Zero, output);
        return File.Exists(log) ? File.ReadAllLines(log) : [];
    }

    /// <summary>A stand-in that logs its command line and writes the .xo or .xclbin the real tool would.</summary>
    private static void WriteStub(string path, string tool, string log)
    {
        File.WriteAllText(path, $$"""
            #!/bin/sh
            echo "{{tool}} $*" >> '{{log}}'
            case "$*" in
              *"-c --mode hls"*) mkdir -p work/hls && echo xo > work/hls/quasar_gemm.xo ;;
              *"-tclargs export"*) echo xo > quasar_gemm.xo ;;
              *" -l "*|"-l "*) for last; do :; done; out=""; prev=""; for a in "$@"; do [ "$prev" = "-o" ] && out="$a"; prev="$a"; done; echo xclbin > "$out" ;;
            esac
            exit 0

            """);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
