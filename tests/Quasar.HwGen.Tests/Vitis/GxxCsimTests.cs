using Quasar.HwGen.Vitis.Csim;
using Quasar.HwGen.Vitis.Projects;
using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Tests.Vitis;

/// <summary>The g++ csim on hand-written projects of the §5 layout, compiled and run for real.</summary>
[TestFixture]
[Category("NeedsGpp")]
public sealed class GxxCsimTests
{
    private TemporaryDirectory _directory = null!;
    private GxxCsim _csim = null!;

    [SetUp]
    public async Task Create()
    {
        _directory = new TemporaryDirectory();
        var tools = await ToolDiscovery.DiscoverAsync();
        _csim = new GxxCsim(tools.Require(ToolNames.Gxx), GxxCsimOptions.Default);
    }

    [TearDown]
    public void Delete() => _directory.Dispose();

    private HlsProject Project(string kernel) => HlsProject.Open(HandWrittenProject.Write(_directory.File("prj"), kernel));

    [Test]
    public async Task A_correct_kernel_passes_with_its_call_count_and_timings()
    {
        var project = Project(HandWrittenProject.CorrectKernel);

        var result = await _csim.RunAsync(project, []);

        Assert.That(result.Outcome, Is.EqualTo(CsimOutcome.Passed), string.Join('\n', result.Log));
        Assert.That(result.Verdict.PassedCalls, Is.EqualTo(3));
        Assert.That(result.CompileTime, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(result.RunTime, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(result.CompilerWarnings, Is.Empty);
        Assert.That(result.Summary(), Does.StartWith("csim (g++): PASS, 3 kernel calls; compile "));
        Assert.That(File.Exists(project.PathOf("build/csim-gxx/csim")), Is.True, "the executable goes to build/csim-gxx");
    }

    [Test]
    public async Task A_wrong_kernel_fails_with_the_testbench_s_mismatch()
    {
        var result = await _csim.RunAsync(Project(HandWrittenProject.WrongKernel), []);

        Assert.That(result.Outcome, Is.EqualTo(CsimOutcome.Mismatch));
        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Verdict.Mismatch!.Layer, Is.EqualTo("fc2"));
        Assert.That(result.Verdict.Mismatch.Got, Is.EqualTo((int.Parse(result.Verdict.Mismatch.Expected, System.Globalization.CultureInfo.InvariantCulture) + 1)
            .ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(result.Summary(), Does.Contain("MISMATCH at layer fc2, tensor fc2_out"));
    }

    [Test]
    public async Task A_nonzero_kernel_status_is_a_kernel_error()
    {
        var result = await _csim.RunAsync(Project(HandWrittenProject.StatusKernel), []);

        Assert.That(result.Outcome, Is.EqualTo(CsimOutcome.KernelError));
        Assert.That(result.Verdict.KernelStatus!.Meaning, Is.EqualTo("k exceeds MAX_REDUCTION"));
    }

    [Test]
    public async Task A_testbench_killed_by_a_signal_is_a_crash_naming_the_signal()
    {
        var result = await _csim.RunAsync(Project(HandWrittenProject.CrashingKernel), []);

        Assert.That(result.Outcome, Is.EqualTo(CsimOutcome.Crashed));
        Assert.That(result.Signal, Is.EqualTo(6));
        Assert.That(result.Summary(), Does.Contain("CRASHED by signal 6 (SIGABRT)"));
    }

    [Test]
    public async Task Golden_files_are_passed_as_arguments_and_the_testbench_runs_in_the_project_directory()
    {
        var golden = _directory.File("net.qgv");
        File.WriteAllText(golden, "QGV1");

        var result = await _csim.RunAsync(Project(HandWrittenProject.CorrectKernel), [golden]);

        Assert.That(result.Log, Does.Contain($"golden {golden}").And.Contain("running in the project directory"));
        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public async Task Every_output_line_is_streamed_to_the_progress_callback_in_order()
    {
        var lines = new List<string>();

        await _csim.RunAsync(Project(HandWrittenProject.CorrectKernel), [], new SynchronousProgress(lines.Add));

        Assert.That(lines, Is.EqualTo(new[] { "running in the project directory", "call 0 ok", "call 1 ok", "call 2 ok", "PASS 3 calls" }));
    }

    [Test]
    public void A_compile_error_carries_the_command_exit_code_and_gpp_diagnostics()
    {
        var project = Project(HandWrittenProject.CorrectKernel.Replace("acc += a[j] * b[j];", "acc += a[j] * undeclared_b[j];", StringComparison.Ordinal));

        var error = Assert.ThrowsAsync<CompilationFailedException>(() => _csim.RunAsync(project, []))!;

        Assert.That(error.Command, Does.Contain("g++ -std=c++14 -O2 -Wall -Wno-unknown-pragmas -Wno-unused-label -I include src/quasar_gemm.cpp tb/quasar_tb.cpp -o build/csim-gxx/csim"));
        Assert.That(error.ExitCode, Is.EqualTo(1));
        Assert.That(error.LogExcerpt, Has.Some.Contains("src/quasar_gemm.cpp:7").And.Some.Contains("'undeclared_b' was not declared"));
        Assert.That(error.Message, Does.Contain("command: ").And.Contain("exit code: 1").And.Contain("undeclared_b"));
    }

    [Test]
    public void A_project_without_a_testbench_is_refused_before_compiling()
    {
        var project = Project(HandWrittenProject.CorrectKernel);
        File.Delete(project.PathOf("tb/quasar_tb.cpp"));

        Assert.ThrowsAsync<FileNotFoundException>(() => _csim.RunAsync(project, []));
    }

    [Test]
    public void A_directory_without_the_kernel_is_not_a_project()
    {
        var error = Assert.Throws<FileNotFoundException>(() => HlsProject.Open(_directory.Path))!;

        Assert.That(error.Message, Does.Contain("src/quasar_gemm.cpp is missing"));
    }

    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
