using System.Diagnostics;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Cli.Tests.Support;

namespace Quasar.HwGen.Cli.Tests.Verbs;

/// <summary>
/// The Vitis flow after generate, through the entry point, with the stand-in tools of <see cref="StandInVitis"/> (the
/// real fixture reports written where Vitis writes them): synth → cosim → export → link → package in the classic and
/// the unified flow, the command line each tool got, and every step under every failure mode (fails, fails with
/// exit code 0, crashes, writes no report, hangs past --timeout-hours, Ctrl-C), each with the message the user sees.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class VitisFlowTests
{
    private BadInputs _inputs = null!;
    private WorkDirectory _board = null!;

    private string Project => _inputs.Project;

    [OneTimeSetUp]
    public void MakeInputs()
    {
        _inputs = new BadInputs();
        _board = new WorkDirectory();
        BoardFiles.Write(_board.Path);
    }

    [OneTimeTearDown]
    public void RemoveInputs()
    {
        _inputs.Dispose();
        _board.Dispose();
    }

    [SetUp]
    public void CleanProject()
    {
        foreach (var folder in new[] { "prj", "work", "logs", "build", "_x" }.Select(f => Path.Combine(Project, f)).Where(Directory.Exists)) Directory.Delete(folder, recursive: true);
        File.Delete(Path.Combine(Project, "quasar_gemm.xo"));
    }

    private string App => Path.Combine(_board.Path, "app");

    private string CommonImage => Path.Combine(_board.Path, "common");

    [Test]
    public void The_classic_flow_runs_every_step_to_a_bootable_sd_card()
    {
        using var vitis = new StandInVitis(release: "2022.2");

        foreach (var verb in new[] { "synth", "cosim", "export", "link" }) AssertPasses(Shell.Run(verb, Project));
        var package = Shell.Run("package", Project, "--app", App, "--rootfs", CommonImage);

        AssertPasses(package);
        Assert.That(package.Out, Does.Contain($"SD card image: {Path.Combine(Project, "build", "hw", "package", "sd_card.img")}"));
        var calls = vitis.Calls.Where(c => c[2] is not ("-version" or "--version")).Select(c => string.Join(' ', c.Where((_, i) => i != 1))).ToArray();
        Assert.That(calls, Is.EqualTo(new[]
        {
            "vitis_hls -f scripts/run_hls.tcl -tclargs csynth",
            "vitis_hls -f scripts/run_hls.tcl -tclargs cosim",
            "vitis_hls -f scripts/run_hls.tcl -tclargs export",
            "v++ -l -t hw --platform xilinx_zcu102_base_202420_1 --config vpp/zcu102.link.cfg -o build/hw/quasar_gemm.xclbin quasar_gemm.xo",
            $"v++ -p -t hw --platform xilinx_zcu102_base_202420_1 build/hw/quasar_gemm.xclbin --package.out_dir build/hw/package --package.rootfs {CommonImage}/rootfs.ext4 --package.kernel_image {CommonImage}/Image"
                + " --package.sd_file build/hw/sd_card/quasar_gemm.xclbin --package.sd_file build/hw/sd_card/quasar_gemm.engine --package.sd_file build/hw/sd_card/xrt.ini"
                + " --package.sd_file build/hw/sd_card/run.sh --package.sd_file build/hw/sd_card/README.txt --package.sd_dir build/hw/sd_card/quasar-run --package.sd_dir build/hw/sd_card/model",
        }));
        Assert.That(vitis.Calls.Where(c => c[2] is not ("-version" or "--version")).Select(c => c[1]), Is.All.EqualTo(Project), "every step runs in the project directory");
    }

    [Test]
    public void The_unified_flow_of_2024_2_runs_vitis_run_and_v_plus_plus()
    {
        using var vitis = new StandInVitis(release: "2024.2", unified: true);

        var synth = Shell.Run("synth", Project);
        foreach (var verb in new[] { "cosim", "export", "link" }) AssertPasses(Shell.Run(verb, Project));

        AssertPasses(synth);
        Assert.That(synth.Out, Does.StartWith("synth (Vitis HLS, Unified flow): PASS in "));
        Assert.That(synth.Error, Does.Contain("synth with Vitis HLS 2024.2 (Unified flow)"));
        var calls = vitis.Calls.Where(c => c[2] != "--version").Select(c => string.Join(' ', c.Where((_, i) => i != 1))).ToArray();
        Assert.That(calls, Is.EqualTo(new[]
        {
            "v++ -c --mode hls --config hls_config.cfg --work_dir work",
            "vitis-run --mode hls --cosim --config hls_config.cfg --work_dir work",
            "vitis-run --mode hls --package --config hls_config.cfg --work_dir work",
            "v++ -l -t hw --platform xilinx_zcu102_base_202420_1 --config vpp/zcu102.link.cfg -o build/hw/quasar_gemm.xclbin work/quasar_gemm.xo",
        }));
    }

    [Test]
    public void A_2023_2_install_with_vitis_run_still_takes_the_classic_flow()
    {
        using var vitis = new StandInVitis(release: "2023.2");
        File.Copy(Path.Combine(Path.GetDirectoryName(vitis.CallLog)!, "v++"), Path.Combine(Path.GetDirectoryName(vitis.CallLog)!, "vitis-run"));

        var synth = Shell.Run("synth", Project);

        AssertPasses(synth);
        Assert.That(synth.Out, Does.StartWith("synth (Vitis HLS, ClassicTcl flow): PASS in "));
    }

    [Test]
    public void The_sd_card_names_each_file_and_runs_the_model_on_the_fpga()
    {
        using var vitis = new StandInVitis();
        Prepare("package");

        var run = Shell.Run("package", Project, "--app", App);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        var card = Path.Combine(Project, "build", "hw", "sd_card");
        Assert.That(run.Out, Does.Contain($"SD card files: {card} (quasar_gemm.xclbin, quasar_gemm.engine, xrt.ini, run.sh, README.txt, quasar-run/, model/)"));
        Assert.That(vitis.Calls.Where(c => c[2] == "-p"), Is.Empty, "without --rootfs there is no v++ -p");
        var readme = File.ReadAllText(Path.Combine(card, "README.txt"));
        foreach (var entry in Directory.EnumerateFileSystemEntries(card)) Assert.That(readme, Does.Contain(Path.GetFileName(entry)), $"README.txt names {entry}");
        Assert.That(File.ReadAllText(Path.Combine(card, "run.sh")), Does.Contain("./quasar-run/quasar-run --backend xrt --xclbin quasar_gemm.xclbin --package model \"$@\""));
        if (!OperatingSystem.IsWindows()) Assert.That(File.GetUnixFileMode(Path.Combine(card, "quasar-run", "quasar-run")).HasFlag(UnixFileMode.UserExecute), Is.True);
        Assert.That(Directory.EnumerateFiles(Path.Combine(card, "model")).Select(Path.GetFileName).Order(), Is.EqualTo(Directory.EnumerateFiles(_inputs.Package).Select(Path.GetFileName).Order()));
    }

    public static IEnumerable<TestCaseData> Failures()
    {
        // {project} and {card} are filled in by the test.
        (string Verb, string Mode, string Message)[] cases =
        [
            ("synth", "fail", "error: Vitis HLS csynth (ClassicTcl flow) failed: the tool exited with code 3; the log reports 2 error line(s), the first: ERROR: [HLS 207-3776] use of undeclared identifier 'acc' (src/quasar_gemm.cpp:42:5)"),
            ("synth", "fail-exit0", "error: Vitis HLS csynth (ClassicTcl flow) failed: the log reports 2 error line(s), the first: ERROR: [HLS 207-3776] use of undeclared identifier 'acc' (src/quasar_gemm.cpp:42:5)"),
            ("synth", "crash", "error: Vitis HLS csynth (ClassicTcl flow) failed: the tool exited with code 134"),
            ("synth", "no-report", "error: Vitis HLS csynth (ClassicTcl flow) failed: the csynth report is missing or unreadable: "),
            ("cosim", "fail", "error: Vitis HLS cosim (ClassicTcl flow) failed: the tool exited with code 4; the log reports 2 error line(s), the first: ERROR: [COSIM 212-359] Aborting co-simulation: C TB simulation failed.; the log lacks the cosim success line"),
            ("cosim", "fail-exit0", "error: Vitis HLS cosim (ClassicTcl flow) failed: the log reports 2 error line(s), the first: ERROR: [COSIM 212-359] Aborting co-simulation: C TB simulation failed.; the log lacks the cosim success line"),
            ("cosim", "crash", "error: Vitis HLS cosim (ClassicTcl flow) failed: the tool exited with code 134; the log lacks the cosim success line"),
            ("cosim", "no-report", "error: Vitis HLS cosim (ClassicTcl flow) failed: the cosim report {project}/prj/solution1/sim/report/quasar_gemm_cosim.rpt is missing"),
            ("export", "fail", "error: Vitis HLS export (ClassicTcl flow) failed: the tool exited with code 5; the log reports 1 error line(s), the first: ERROR: [IMPL 213-28] Failed to generate IP."),
            ("export", "fail-exit0", "error: Vitis HLS export (ClassicTcl flow) failed: the log reports 1 error line(s), the first: ERROR: [IMPL 213-28] Failed to generate IP."),
            ("export", "crash", "error: Vitis HLS export (ClassicTcl flow) failed: the tool exited with code 134"),
            ("export", "no-report", "error: Vitis HLS export (ClassicTcl flow) failed: the export wrote no quasar_gemm.xo (expected {project}/quasar_gemm.xo)"),
            ("link", "fail", "error: v++ link (-t hw) failed: v++ exited with code 1; the log reports 4 error line(s), the first: ERROR: [VPL 60-704] Integration error, Failed to complete hardware generation.; v++ wrote no {project}/build/hw/quasar_gemm.xclbin"),
            ("link", "fail-exit0", "error: v++ link (-t hw) failed: the log reports 4 error line(s), the first: ERROR: [VPL 60-704] Integration error, Failed to complete hardware generation.; v++ wrote no {project}/build/hw/quasar_gemm.xclbin"),
            ("link", "crash", "error: v++ link (-t hw) failed: v++ exited with code 134; v++ wrote no {project}/build/hw/quasar_gemm.xclbin"),
            ("link", "no-report", "error: v++ link (-t hw) failed: v++ wrote no {project}/build/hw/quasar_gemm.xclbin"),
            ("package", "fail", "error: v++ package (-t hw) failed: v++ exited with code 1; the log reports 2 error line(s), the first: ERROR: [v++ 82-1210] Failed to create the SD card image; v++ wrote no {project}/build/hw/package/sd_card.img"),
            ("package", "fail-exit0", "error: v++ package (-t hw) failed: the log reports 2 error line(s), the first: ERROR: [v++ 82-1210] Failed to create the SD card image; v++ wrote no {project}/build/hw/package/sd_card.img"),
            ("package", "crash", "error: v++ package (-t hw) failed: v++ exited with code 134; v++ wrote no {project}/build/hw/package/sd_card.img"),
            ("package", "no-report", "error: v++ package (-t hw) failed: v++ wrote no {project}/build/hw/package/sd_card.img"),
        ];
        return cases.Select(c => new TestCaseData(c.Verb, c.Mode, c.Message).SetName($"{c.Verb} that {c.Mode} is exit 4 naming the evidence"));
    }

    [TestCaseSource(nameof(Failures))]
    public void A_failing_step_is_exit_4_with_one_line_naming_the_evidence(string verb, string mode, string message)
    {
        Prepare(verb);
        using var vitis = new StandInVitis(mode);

        var run = Shell.Run([verb, Project, .. ExtraArguments(verb)]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ToolFailed), run.ToString());
        Assert.That(run.ErrorLines, Has.Some.StartWith(message.Replace("{project}", Project, StringComparison.Ordinal)), run.ToString());
        Assert.That(run.ShowsStackTrace, Is.False, run.ToString());
        Assert.That(File.Exists(Path.Combine(Project, "logs", $"{verb}.log")), Is.True, "the log stays for the engineer");
    }

    [TestCase("synth", "vitis_hls")]
    [TestCase("cosim", "vitis_hls")]
    [TestCase("export", "vitis_hls")]
    [TestCase("link", "v++")]
    [TestCase("package", "v++")]
    public void A_step_that_hangs_past_its_timeout_is_killed_with_its_children(string verb, string tool)
    {
        Prepare(verb);
        using var vitis = new StandInVitis("hang");

        var run = Shell.Run([verb, Project, "--timeout-hours", "0.001", .. ExtraArguments(verb)]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ToolFailed), run.ToString());
        Assert.That(run.ErrorLines, Has.Some.StartWith($"error: {tool} did not finish within 3.6 s and was killed (with its child processes)"), run.ToString());
        AssertEnded(vitis.HangPids);
    }

    [Test]
    public void Link_prints_what_vivado_implemented_and_the_timing_verdict()
    {
        Prepare("link");
        using var vitis = new StandInVitis();

        var run = Shell.Run("link", Project);

        AssertPasses(run);
        Assert.That(run.Out, Does.Contain("implemented on xczu9eg-ffvb1156-2-e: DSP 518/2,520 (21%), LUT 83,514/274,080 (30%), FF "));
        Assert.That(run.Out, Does.Contain("timing met after routing: setup WNS +"));
    }

    [Test]
    public void A_link_whose_routed_design_misses_timing_is_exit_4_though_v_plus_plus_passed()
    {
        Prepare("link");
        using var vitis = new StandInVitis("timing-not-met");

        var run = Shell.Run("link", Project);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ToolFailed), run.ToString());
        Assert.That(run.ErrorLines, Has.Some.StartWith("error: v++ link (-t hw) failed: timing is not met after routing: Timing constraints are not met. (setup WNS -0.734 ns, 391 failing endpoints; hold WHS -0.021 ns) in "), run.ToString());
        Assert.That(File.Exists(Path.Combine(Project, "build", "hw", "quasar_gemm.xclbin")), Is.False, "package must not find a failed link's xclbin");
    }

    [Test]
    public void Implementation_reports_of_an_earlier_link_are_not_taken_for_this_one()
    {
        Prepare("link");
        var stale = Path.Combine(Project, "_x", "reports", "link", "imp", "impl_1_xilinx_zcu102_base_wrapper_timing_summary_routed.rpt");
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        File.Copy(Path.Combine(Core.RepositoryLayout.Root, "tests", "fixtures", "vitis-reports", "hand-built", "vivado-2021.2-zynquplus", Path.GetFileName(stale)), stale, overwrite: true);
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-1));
        using var vitis = new StandInVitis();

        // An hw_emu link runs no implementation: the only timing report there is the earlier hw link's, which missed timing.
        var run = Shell.Run("link", Project, "--target", "hw_emu");

        AssertPasses(run);
        Assert.That(run.Out, Does.Not.Contain("timing"), run.ToString());
    }

    [Test]
    public void Ctrl_c_during_a_step_ends_the_tool_and_its_children_and_exits_130()
    {
        using var vitis = new StandInVitis("hang");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "quasar.dll"), "synth", Project }) start.ArgumentList.Add(arg);
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH");
        using var quasar = Process.Start(start)!;
        var error = quasar.StandardError.ReadToEndAsync();
        var output = quasar.StandardOutput.ReadToEndAsync();
        var waited = Stopwatch.StartNew();
        while (vitis.HangPids.Count < 2 && waited.Elapsed < TimeSpan.FromMinutes(1) && !quasar.HasExited) Thread.Sleep(50);
        if (vitis.HangPids.Count < 2) quasar.Kill(entireProcessTree: true);
        Assert.That(vitis.HangPids, Has.Count.EqualTo(2), () => $"the fake never hung: {error.Result}");

        using (var kill = Process.Start("kill", ["-INT", quasar.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        if (!quasar.WaitForExit(TimeSpan.FromMinutes(1))) quasar.Kill(entireProcessTree: true);

        Assert.That(quasar.ExitCode, Is.EqualTo(ExitCodes.Interrupted), error.Result + output.Result);
        Assert.That(error.Result, Does.Contain("interrupted"));
        AssertEnded(vitis.HangPids);
    }

    [TestCase("link", "has no kernel object quasar_gemm.xo (looked in the project folder and under work/): run `quasar export {project}` first")]
    [TestCase("package", "{project}/build/hw/quasar_gemm.xclbin does not exist: run `quasar link {project} --target hw` first")]
    public void A_step_before_its_inputs_exist_says_which_step_makes_them(string verb, string message)
    {
        using var vitis = new StandInVitis();

        var run = Shell.Run([verb, Project, .. verb == "package" ? new[] { "--app", App } : []]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines, Has.Some.Contains(message.Replace("{project}", Project, StringComparison.Ordinal)), run.ToString());
        Assert.That(vitis.Calls.Where(c => c[2] is not ("-version" or "--version")), Is.Empty, "no tool ran");
    }

    [Test]
    public void An_app_built_for_x64_is_refused_before_anything_is_written()
    {
        using var vitis = new StandInVitis();
        Prepare("package");
        var x64 = Path.Combine(_board.Path, "x64-app");
        Directory.CreateDirectory(x64);
        File.Copy("/bin/ls", Path.Combine(x64, "quasar-run"), overwrite: true);

        var run = Shell.Run("package", Project, "--app", x64);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines, Has.Some.StartWith($"error: --app {x64}/quasar-run is built for {(System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "?" : "x86-64")}, not the ZCU102's arm64: publish quasar-run with -r linux-arm64 --self-contained"));
        Assert.That(Directory.Exists(Path.Combine(Project, "build", "hw", "sd_card")), Is.False);
    }

    [Test]
    public void A_common_image_folder_without_the_kernel_image_is_refused_naming_it()
    {
        using var vitis = new StandInVitis();
        Prepare("package");
        var incomplete = Path.Combine(_board.Path, "incomplete");
        Directory.CreateDirectory(incomplete);
        File.WriteAllText(Path.Combine(incomplete, "rootfs.ext4"), "");

        var run = Shell.Run("package", Project, "--app", App, "--rootfs", incomplete);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines, Has.Some.StartWith($"error: --rootfs {incomplete}: Image is missing; give the platform's common image folder"));
    }

    [Test]
    public void Link_without_v_plus_plus_says_what_to_source()
    {
        Prepare("link");

        var run = Shell.Run("link", Project);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ToolFailed), run.ToString());
        Assert.That(run.ErrorLines, Has.Some.StartWith("error: ").And.Some.Contains("v++").And.Some.Contains("settings64.sh"), run.ToString());
    }

    private string[] ExtraArguments(string verb) => verb == "package" ? ["--app", App, "--rootfs", CommonImage] : [];

    /// <summary>What the steps before <paramref name="verb"/> would have left.</summary>
    private void Prepare(string verb)
    {
        if (verb is "link" or "package") File.WriteAllText(Path.Combine(Project, "quasar_gemm.xo"), "PK");
        if (verb is "package")
        {
            Directory.CreateDirectory(Path.Combine(Project, "build", "hw"));
            File.WriteAllText(Path.Combine(Project, "build", "hw", "quasar_gemm.xclbin"), "xclbin2");
            File.Copy(Path.Combine(Project, "vpp", "quasar_gemm.engine"), Path.Combine(Project, "build", "hw", "quasar_gemm.engine"));
        }
    }

    private static void AssertPasses(CliRun run)
    {
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(run.Out, Does.Contain(": PASS in "), run.ToString());
    }

    private static void AssertEnded(IReadOnlyList<int> pids)
    {
        Assert.That(pids, Has.Count.EqualTo(2), "the fake and its child");
        var deadline = Stopwatch.StartNew();
        while (pids.Any(Alive) && deadline.Elapsed < TimeSpan.FromSeconds(10)) Thread.Sleep(50);
        Assert.That(pids.Where(Alive), Is.Empty, "processes of the tool's tree still running");
    }

    /// <summary>A process that exists and is not a zombie waiting for its parent.</summary>
    private static bool Alive(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status)) return false;
        try
        {
            return !File.ReadAllLines(status).Any(l => l.StartsWith("State:", StringComparison.Ordinal) && l.Contains('Z', StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
    }
}
