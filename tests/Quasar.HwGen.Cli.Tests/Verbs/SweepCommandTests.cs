using System.Text.Json;
using System.Xml.Linq;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Cli.Tests.Support;
using Quasar.HwGen.Codegen.Project;
using Quasar.HwGen.Hardware.Resources;

namespace Quasar.HwGen.Cli.Tests.Verbs;

/// <summary>
/// `quasar sweep` through the entry point: six designs of one IR package, their csynth and cosim run by the stand-in
/// Vitis (tests/tools/Quasar.HwGen.FakeVitis) as tasks of a real one-node Slurm cluster (category Slurm) or of make -j,
/// one design failing and one hanging past its time limit; then the rerun after both are mended, the calibration from
/// the collected reports, and `quasar report` of the sweep directory. Each csynth report holds the kernel figures of
/// the resource model under <see cref="Truth"/> (not its defaults), so a correct fit reproduces them.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SweepCommandTests
{
    private const string Failing = "tiny-fails";
    private const string Hanging = "tiny-hangs";

    /// <summary>The costs the synthetic csynth reports are made with (those of CalibrateCommandTests).</summary>
    private static readonly ResourceParameters Truth = new(ControlLuts: 7_250, OutputLaneLuts: 290, ControlFfs: 11_500, OutputLaneFfs: 455, DspUnitFfs: 9.5, LutUnitFfs: 27);

    private static readonly string[] Designs = ["tiny", Failing, Hanging, "space", "subnet", "space-wide"];

    private static readonly string LargestSubnet = Path.Combine(Core.RepositoryLayout.Root, "samples", "configs", "fashion-mnist.largest.subnet.yaml");

    private BadInputs _inputs = null!;
    private WorkDirectory _work = null!;

    [OneTimeSetUp]
    public void MakePackage() => _inputs = new BadInputs();

    [OneTimeTearDown]
    public void RemovePackage() => _inputs.Dispose();

    [SetUp]
    public void MakeWork() => _work = new WorkDirectory();

    [TearDown]
    public void RemoveWork() => _work.Dispose();

    [Test]
    [Category("Slurm")]
    public void A_slurm_sweep_runs_each_design_as_an_array_task_reports_the_failing_and_timed_out_ones_and_a_rerun_resubmits_only_those()
    {
        using var slurm = OneNodeSlurm.Start();
        using var vitis = new StandInVitis();
        var file = SweepFile("slurm:\n  time_limit: 1\n  cpus_per_task: 1\n");
        var output = _work.File("sweep out");
        Prepare(file, output);

        var first = Shell.Run(TimeSpan.FromMinutes(4), "sweep", file, "--out", output, "--poll-seconds", "1");

        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.ToolFailed), first.ToString());
        Assert.That(first.ErrorLines[^1], Does.StartWith($"error: 2 of 6 design(s) did not pass ({Failing} failed, {Hanging} timed out;"), first.ToString());
        Assert.That(first.ShowsStackTrace, Is.False);
        Assert.That(Line(first, Failing), Does.Contain("failed: csynth: the tool exited with code").And.Contain("ERROR: [HLS"));
        Assert.That(Line(first, Hanging), Does.Contain("timed out: csynth never finished").And.Contain("DUE TO TIME LIMIT"));
        Assert.That(first.Error, Does.Match(@"slurm \d+: .*running"), "the task state counts while following");
        using (var state = State(output))
        {
            var submission = state.RootElement.GetProperty("submissions")[0];
            var job = submission.GetProperty("job").GetString();
            Assert.That(Tasks(submission), Is.EquivalentTo(Enumerable.Range(0, 6)));
            foreach (var task in state.RootElement.GetProperty("tasks").EnumerateArray())
            {
                int index = task.GetProperty("index").GetInt32();
                var name = task.GetProperty("design").GetProperty("name").GetString();
                // The task script prints Slurm's array job and task id: each design ran as its own array task of the one job.
                Assert.That(File.ReadAllText(Path.Combine(output, "logs", $"task-{index}.log")), Does.Contain($"slurm-array-task {job}_{index}"), name);
                Assert.That(task.GetProperty("state").GetString(), Is.EqualTo(name switch { Failing => "FAILED", Hanging => "TIMEOUT", _ => "COMPLETED" }), name);
            }
        }
        Assert.That(CalibratedDesigns(output), Is.EquivalentTo(Designs.Except([Failing, Hanging])));

        Mend(output);
        int before = vitis.Calls.Count;
        var rerun = Shell.Run(TimeSpan.FromMinutes(3), "sweep", file, "--out", output, "--poll-seconds", "1");

        Assert.That(rerun.ExitCode, Is.EqualTo(ExitCodes.Success), rerun.ToString());
        Assert.That(rerun.Out, Does.Contain("6 of 6 design(s) done"));
        AssertOnlyMendedRan(output, vitis, before);
        AssertRecalibrated(output);
    }

    [Test]
    [Category("Slurm")]
    public void Ctrl_c_while_following_a_slurm_sweep_cancels_its_array_job_and_exits_130()
    {
        using var slurm = OneNodeSlurm.Start();
        using var vitis = new StandInVitis("hang");
        var package = Quoted(_inputs.Package);
        var file = _work.Write("sweep.yaml", $"designs:\n  - {{ name: a, package: {package}, engine: tiny }}\nslurm:\n  time_limit: 10\n");
        var output = _work.File("sweep out");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "quasar.dll"), "sweep", file, "--out", output, "--poll-seconds", "0.5" }) start.ArgumentList.Add(arg);
        using var quasar = System.Diagnostics.Process.Start(start)!;
        var error = quasar.StandardError.ReadToEndAsync();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (vitis.HangPids.Count < 2 && waited.Elapsed < TimeSpan.FromMinutes(1) && !quasar.HasExited) Thread.Sleep(100);
        if (vitis.HangPids.Count < 2) quasar.Kill(entireProcessTree: true);
        Assert.That(vitis.HangPids, Has.Count.EqualTo(2), () => $"the fake never hung in its Slurm task: {error.Result}");

        using (var kill = System.Diagnostics.Process.Start("kill", ["-INT", quasar.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        if (!quasar.WaitForExit(TimeSpan.FromMinutes(1))) quasar.Kill(entireProcessTree: true);

        using var state = State(output);
        var job = state.RootElement.GetProperty("submissions")[0].GetProperty("job").GetString();
        Assert.That(quasar.ExitCode, Is.EqualTo(ExitCodes.Interrupted), error.Result);
        Assert.That(error.Result, Does.Contain($"cancelled Slurm job {job} (scancel {job})").And.Contain("interrupted"));
        string squeue = "";
        for (var clock = System.Diagnostics.Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(30); Thread.Sleep(500))
        {
            squeue = OneNodeSlurm.Client("squeue", "-h", "-r", "-t", "all", "-j", job!, "-o", "%T").Trim();
            if (squeue == "CANCELLED") break;
        }
        Assert.That(squeue, Is.EqualTo("CANCELLED"), "Slurm's state of the array task");
        for (var clock = System.Diagnostics.Stopwatch.StartNew(); vitis.HangPids.Any(Alive) && clock.Elapsed < TimeSpan.FromSeconds(20);) Thread.Sleep(100);
        Assert.That(vitis.HangPids.Where(Alive), Is.Empty, "the task's processes (the fake Vitis and its child) ended");
    }

    [Test]
    public void Without_a_scheduler_the_sweep_runs_with_make_and_its_report_shows_every_design_against_the_model()
    {
        using var vitis = new StandInVitis();
        var file = SweepFile("make:\n  jobs: 2\n  time_limit: \"0:05\"\n");
        var output = _work.File("sweep out");
        Prepare(file, output);

        var first = Shell.Run(TimeSpan.FromMinutes(2), "sweep", file, "--out", output, "--poll-seconds", "0.5");

        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.ToolFailed), first.ToString());
        Assert.That(first.ErrorLines[^1], Does.StartWith($"error: 2 of 6 design(s) did not pass ({Failing} failed, {Hanging} timed out;"));
        Assert.That(Line(first, Failing), Does.Contain("failed: csynth: the tool exited with code").And.Contain("ERROR: [HLS"));
        Assert.That(Line(first, Hanging), Does.Contain("timed out: csynth never finished"));
        Assert.That(File.ReadAllText(Path.Combine(output, "jobs", "sweep.mk")), Does.Contain("timeout --kill-after=10s 5s bash jobs/task.sh"));
        Assert.That(CalibratedDesigns(output), Is.EquivalentTo(Designs.Except([Failing, Hanging])));

        Mend(output);
        int before = vitis.Calls.Count;
        var rerun = Shell.Run(TimeSpan.FromMinutes(2), "sweep", file, "--out", output, "--poll-seconds", "0.5");

        Assert.That(rerun.ExitCode, Is.EqualTo(ExitCodes.Success), rerun.ToString());
        AssertOnlyMendedRan(output, vitis, before);
        AssertRecalibrated(output);

        var again = Shell.Run("sweep", file, "--out", output);
        Assert.That(again.ExitCode, Is.EqualTo(ExitCodes.Success), again.ToString());
        Assert.That(again.Error, Does.Contain("6 done, 0 to run"), "a sweep with every report valid submits nothing");

        var report = Shell.Run("report", output);
        Assert.That(report.ExitCode, Is.EqualTo(ExitCodes.Success), report.ToString());
        foreach (var design in Designs) Assert.That(report.Out, Does.Contain($"designs/{design}: quasar_gemm on xczu9eg-ffvb1156-2-e"));
        Assert.That(report.Out, Does.Contain("residuals after the fit (model vs report):"));
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        var page = XDocument.Parse(html[html.IndexOf("<html", StringComparison.Ordinal)..]);
        Assert.That(page.Descendants("svg").Count(), Is.GreaterThanOrEqualTo(4), "a chart per resource across the designs");
        Assert.That(html, Does.Not.Contain("http:").And.Not.Contain("https:").And.Not.Contain("<script"));
    }

    [Test]
    public void A_grid_over_a_searchs_pareto_set_lowers_each_subnet_and_generates_a_project_per_engine()
    {
        _work.Write(Path.Combine("search", "pareto", "pareto-00.subnet.yaml"), File.ReadAllText(LargestSubnet));
        _work.Write(Path.Combine("search", "pareto", "pareto-01.subnet.yaml"), ShallowerSubnet());
        var file = _work.Write("pareto.yaml", "steps: [csynth]\ngrid:\n  pareto: search\n  engine: [tiny, subnet]\nmake:\n  jobs: 2\n");
        var output = _work.File("pareto out");

        var dry = Shell.Run("sweep", file, "--out", output, "--dry-run");

        Assert.That(dry.ExitCode, Is.EqualTo(ExitCodes.Success), dry.ToString());
        Assert.That(dry.Out, Does.Contain("dry run: would submit task(s) 0,1,2,3"));
        string[] designs = ["pareto-00-tiny", "pareto-01-tiny", "pareto-00-subnet", "pareto-01-subnet"];
        foreach (var design in designs)
            Assert.That(File.Exists(Path.Combine(output, "designs", design, ProjectManifest.FileName)), design);
        Assert.That(LoweredSubnet(output, "pareto-00-subnet"), Does.StartWith("36.134 MMACs"), "the largest subnet, as its YAML says");
        Assert.That(LoweredSubnet(output, "pareto-01-tiny"), Does.Not.StartWith("36.134 MMACs"), "the shallower one");
    }

    [Test]
    public void A_subnet_edited_under_the_same_file_name_needs_force_and_is_then_lowered_again()
    {
        var subnet = _work.Write("fm.subnet.yaml", File.ReadAllText(LargestSubnet));
        var file = _work.Write("sweep.yaml", "designs:\n  - { subnet: fm.subnet.yaml, name: d, engine: tiny }\n");
        var output = _work.File("out");
        var first = Shell.Run("sweep", file, "--out", output, "--dry-run");
        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Success), first.ToString());
        Assert.That(LoweredSubnet(output, "d"), Does.StartWith("36.134 MMACs"));
        string before = Sha256(subnet);
        File.WriteAllText(subnet, ShallowerSubnet());
        string after = Sha256(subnet);

        var run = Shell.Run("sweep", file, "--out", output, "--dry-run");
        var forced = Shell.Run("sweep", file, "--out", output, "--dry-run", "--force");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { $"error: {file}: design 'd' is not the one {output} was generated with ({subnet} changed: sha256 {before[..12]} -> {after[..12]}); pass --force to regenerate it, or choose another --out" }));
        Assert.That(forced.ExitCode, Is.EqualTo(ExitCodes.Success), forced.ToString());
        Assert.That(LoweredSubnet(output, "d"), Does.Not.StartWith("36.134 MMACs"), "lowered again from the edited subnet");
        using var state = State(output);
        Assert.That(state.RootElement.GetProperty("tasks")[0].GetProperty("design").GetProperty("subnet_sha256").GetString(), Is.EqualTo(after));
    }

    [Test]
    public void A_pareto_folder_without_subnets_is_one_line_naming_the_field()
    {
        Directory.CreateDirectory(_work.File("empty search"));
        var file = _work.Write("pareto.yaml", "grid:\n  pareto: empty search\n");

        var run = Shell.Run("sweep", file, "--out", _work.File("out"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1), run.ToString());
        Assert.That(run.ErrorLines[0], Does.StartWith($"error: {file}").And.Contain("grid.pareto: ").And.Contain("holds no *.subnet.yaml; give the output directory of quasar search"));
        Assert.That(run.ShowsStackTrace, Is.False);
    }

    [TestCase("steps: [csynth\n", ExitCodes.BadInput, "malformed YAML")]
    [TestCase("designs:\n  - { package: {package} }\nmake:\n  jobz: 2\n", ExitCodes.BadInput, "make.jobz: unknown key 'jobz' (did you mean 'jobs'?)")]
    [TestCase("designs:\n  - { package: {package}, engine: huge }\n", ExitCodes.BadInput, "designs[0].engine: 'huge' is not an engine choice; give space, subnet or tiny")]
    [TestCase("designs:\n  - { package: {package} }\nsteps: [csynth, place]\n", ExitCodes.BadInput, "steps: unknown step 'place'; allowed: csynth, cosim")]
    [TestCase("designs:\n  - { package: {package} }\nslurm:\n  time_limit: \"0:30\"\n", ExitCodes.BadInput, "slurm.time_limit: Slurm's smallest time limit is one minute")]
    [TestCase("designs:\n  - { package: {package} }\nslurm:\n  time_limit: soon\n", ExitCodes.BadInput, "slurm.time_limit: 'soon' is not a positive time limit")]
    [TestCase("designs:\n  - { package: {package}, name: a }\n  - { package: {package}, name: a }\n", ExitCodes.BadInput, "two designs are named 'a'")]
    [TestCase("designs:\n  - { package: {package}, max_rows: 8 }\n", ExitCodes.BadInput, "design 'package-space-n8': the engine cannot run this package")]
    [TestCase("designs:\n  - { subnet: \"\" }\n", ExitCodes.BadInput, "designs[0].subnet: an empty path names no file; give a path (relative to this file)")]
    [TestCase("designs:\n  - { package: '  ' }\n", ExitCodes.BadInput, "designs[0].package: an empty path names no file; give a path (relative to this file)")]
    [TestCase("grid:\n  subnet: [\"\"]\n", ExitCodes.BadInput, "grid.subnet[0]: an empty path names no file; give a path (relative to this file)")]
    [TestCase("grid:\n  pareto: \"\"\n", ExitCodes.BadInput, "grid.pareto: an empty path names no file; give a path (relative to this file)")]
    [TestCase("designs:\n  - { subnet: gone.subnet.yaml }\n", ExitCodes.BadInput, "designs[0].subnet: …gone.subnet.yaml: file not found; give a subnet YAML (relative to the sweep file)")]
    public void A_wrong_sweep_file_is_one_line_naming_the_file_the_field_and_the_fix(string yaml, int code, string message)
    {
        var file = _work.Write("sweep.yaml", yaml.Replace("{package}", Quoted(_inputs.Package), StringComparison.Ordinal));

        var run = Shell.Run("sweep", file, "--out", _work.File("out"));

        Assert.That(run.ExitCode, Is.EqualTo(code), run.ToString());
        var errors = run.ErrorLines.Where(l => !l.StartsWith("generating ", StringComparison.Ordinal)).ToList();
        Assert.That(errors, Has.Count.EqualTo(1), run.ToString());
        Assert.That(errors[0], Does.StartWith($"error: {file}"));
        AssertHolds(errors[0], message);
        Assert.That(run.ShowsStackTrace, Is.False);
    }

    [TestCase("grid:\n  package: [{package}]\n  engine: []\n", "3:11: grid.engine: an empty list leaves no combination, so no design; list at least one value, or leave engine: out for its default")]
    [TestCase("grid:\n  package: [{package}]\n  max_rows: []\n", "3:13: grid.max_rows: an empty list leaves no combination, so no design; list at least one value, or leave max_rows: out for its default")]
    [TestCase("grid:\n  package: [{package}]\n  max_reduction: []\n", "3:18: grid.max_reduction: an empty list leaves no combination, so no design; list at least one value, or leave max_reduction: out for its default")]
    [TestCase("grid:\n  package: []\n", "2:12: grid.package: an empty list names no design; list at least one file, or leave package: out")]
    [TestCase("designs: []\n", "1:10: designs: the sweep has no design; give designs: (a list) or grid: (every combination), docs/sweep.md")]
    public void A_sweep_file_that_gives_no_design_is_one_line_naming_the_field_and_writes_nothing(string yaml, string message)
    {
        var file = _work.Write("sweep.yaml", yaml.Replace("{package}", Quoted(_inputs.Package), StringComparison.Ordinal));
        var output = _work.File("out");

        var run = Shell.Run("sweep", file, "--out", output);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { $"error: {file}:{message}" }));
        Assert.That(Directory.Exists(output), Is.False, "nothing is written for a sweep of no design");
    }

    [Test]
    public void A_slurm_sweep_without_sbatch_on_path_is_exit_4_saying_how_to_get_it_or_run_with_make()
    {
        var file = _work.Write("sweep.yaml", $"designs:\n  - {{ package: {Quoted(_inputs.Package)} }}\nslurm:\n  time_limit: 10\n");
        using var empty = new WorkDirectory();
        var path = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", empty.Path);
        CliRun run;
        try
        {
            run = Shell.Run("sweep", file, "--out", _work.File("out"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ToolFailed), run.ToString());
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { $"error: sbatch is not on PATH, and {file} asks for Slurm (slurm:): install Slurm's client commands (Debian: apt-get install slurm-client) or load your cluster's Slurm module, or remove slurm: to run the tasks with make -j on this machine" }));
        Assert.That(Directory.Exists(_work.File("out")), Is.False, "nothing is generated before the scheduler is known to be there");
    }

    [Test]
    public void A_folder_of_other_files_is_refused_and_left_untouched()
    {
        var file = _work.Write("sweep.yaml", $"designs:\n  - {{ package: {Quoted(_inputs.Package)}, engine: tiny }}\n");
        var output = Directory.CreateDirectory(_work.File("mine")).FullName;
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine\n");
        var before = Snapshots.Of(output);

        var run = Shell.Run("sweep", file, "--out", output);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { $"error: {output} holds other files and no sweep.json: not a sweep directory; choose a new --out (nothing there is touched)" }));
        Assert.That(Snapshots.Of(output), Is.EqualTo(before));
    }

    [Test]
    public void A_design_changed_since_generation_needs_force()
    {
        var file = _work.Write("sweep.yaml", $"designs:\n  - {{ package: {Quoted(_inputs.Package)}, name: d, engine: tiny }}\n");
        var output = _work.File("out");
        Assert.That(Shell.Run("sweep", file, "--out", output, "--dry-run").ExitCode, Is.EqualTo(ExitCodes.Success));
        File.WriteAllText(file, $"designs:\n  - {{ package: {Quoted(_inputs.Package)}, name: d, engine: space }}\n");
        var oldReport = Path.Combine(output, "designs", "d", "prj", "solution1", "syn", "report", "csynth.xml");
        Directory.CreateDirectory(Path.GetDirectoryName(oldReport)!);
        File.WriteAllText(oldReport, "<profile/>");

        var run = Shell.Run("sweep", file, "--out", output, "--dry-run");
        var forced = Shell.Run("sweep", file, "--out", output, "--dry-run", "--force");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { $"error: {file}: design 'd' is not the one {output} was generated with (engine tiny -> space); pass --force to regenerate it, or choose another --out" }));
        Assert.That(forced.ExitCode, Is.EqualTo(ExitCodes.Success), forced.ToString());
        Assert.That(ProjectManifest.Read(Path.Combine(output, "designs", "d", ProjectManifest.FileName)).Engine.Sizing, Does.Contain("search space"));
        Assert.That(File.Exists(oldReport), Is.False, "the old engine's reports would make the new design look done");
        Assert.That(forced.Out, Does.Contain("would submit task(s) 0"));
        using var state = State(output);
        Assert.That(state.RootElement.GetProperty("tasks")[0].GetProperty("design").TryGetProperty("subnet_sha256", out _), Is.False,
            "a design given as a package records its package's hash, not a subnet's");
    }

    [Test]
    public void A_package_lowered_again_in_the_same_folder_needs_force()
    {
        var package = _work.File("fm.qir");
        Assert.That(Shell.Run("lower", "--subnet", "fashion-mnist.largest", "--out", package).ExitCode, Is.EqualTo(ExitCodes.Success));
        var file = _work.Write("sweep.yaml", "designs:\n  - { package: fm.qir, name: d, engine: tiny }\n");
        var output = _work.File("out");
        Assert.That(Shell.Run("sweep", file, "--out", output, "--dry-run").ExitCode, Is.EqualTo(ExitCodes.Success));
        string before = Sha256(Path.Combine(package, "manifest.json"));
        Assert.That(Shell.Run("lower", "--subnet", "fashion-mnist.largest", "--seed", "2", "--out", package, "--force").ExitCode, Is.EqualTo(ExitCodes.Success));
        string after = Sha256(Path.Combine(package, "manifest.json"));

        var run = Shell.Run("sweep", file, "--out", output, "--dry-run");
        var forced = Shell.Run("sweep", file, "--out", output, "--dry-run", "--force");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { $"error: {file}: design 'd' is not the one {output} was generated with ({package} changed: manifest sha256 {before[..12]} -> {after[..12]}); pass --force to regenerate it, or choose another --out" }));
        Assert.That(forced.ExitCode, Is.EqualTo(ExitCodes.Success), forced.ToString());
        using var state = State(output);
        Assert.That(state.RootElement.GetProperty("tasks")[0].GetProperty("design").GetProperty("package_sha256").GetString(), Is.EqualTo(after));
    }

    [Test]
    public void A_subnet_design_recorded_before_subnets_were_hashed_needs_force()
    {
        var subnet = _work.Write("fm.subnet.yaml", File.ReadAllText(LargestSubnet));
        var file = _work.Write("sweep.yaml", "designs:\n  - { subnet: fm.subnet.yaml, name: d, engine: tiny }\n");
        var output = _work.File("out");
        Assert.That(Shell.Run("sweep", file, "--out", output, "--dry-run").ExitCode, Is.EqualTo(ExitCodes.Success));
        var record = Path.Combine(output, "sweep.json");
        var state = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(record))!;
        state["tasks"]![0]!["design"]!.AsObject().Remove("subnet_sha256");
        File.WriteAllText(record, state.ToJsonString());

        var run = Shell.Run("sweep", file, "--out", output, "--dry-run");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { $"error: {file}: design 'd' is not the one {output} was generated with ({subnet}: content not recorded when generated, sha256 now {Sha256(subnet)[..12]}); pass --force to regenerate it, or choose another --out" }));
    }

    private string SweepFile(string scheduler)
    {
        var package = Quoted(_inputs.Package);
        return _work.Write("sweep.yaml", $$"""
            steps: [csynth, cosim]
            designs:
              - { name: tiny, package: {{package}}, engine: tiny }
              - { name: {{Failing}}, package: {{package}}, engine: tiny, max_rows: 512 }
              - { name: {{Hanging}}, package: {{package}}, engine: tiny, max_reduction: 512 }
              - { name: space, package: {{package}}, engine: space }
              - { name: subnet, package: {{package}}, engine: subnet }
              - { name: space-wide, package: {{package}}, engine: space, max_rows: 768 }
            {{scheduler}}
            """);
    }

    /// <summary>Generates the projects (--dry-run), then gives each its csynth figures under <see cref="Truth"/> and the two their fault.</summary>
    private static void Prepare(string file, string output)
    {
        var dry = Shell.Run("sweep", file, "--out", output, "--dry-run");
        Assert.That(dry.ExitCode, Is.EqualTo(ExitCodes.Success), dry.ToString());
        Assert.That(dry.Out, Does.Contain("dry run: would submit task(s) 0,1,2,3,4,5"));
        using var scratch = new SyntheticReports();
        foreach (var design in Designs)
        {
            var project = Path.Combine(output, "designs", design);
            var engine = ProjectManifest.Read(Path.Combine(project, ProjectManifest.FileName)).Engine.ToConfig();
            var csynth = SyntheticReports.Csynth(scratch.Project(design, engine), ResourceModel.Estimate(engine, Truth).Kernel);
            File.Copy(csynth, Path.Combine(project, "quasar-fake-vitis.csynth.xml"));
        }
        File.WriteAllText(Path.Combine(output, "designs", Failing, "quasar-fake-vitis.mode"), "fail\n");
        File.WriteAllText(Path.Combine(output, "designs", Hanging, "quasar-fake-vitis.mode"), "hang\n");
    }

    private static void Mend(string output)
    {
        foreach (var design in new[] { Failing, Hanging }) File.Delete(Path.Combine(output, "designs", design, "quasar-fake-vitis.mode"));
    }

    /// <summary>The rerun's one submission holds the two mended tasks, and the tools ran in their projects only.</summary>
    private static void AssertOnlyMendedRan(string output, StandInVitis vitis, int callsBefore)
    {
        using var state = State(output);
        var submissions = state.RootElement.GetProperty("submissions");
        Assert.That(submissions.GetArrayLength(), Is.EqualTo(2));
        var indices = state.RootElement.GetProperty("tasks").EnumerateArray()
            .Where(t => t.GetProperty("design").GetProperty("name").GetString() is Failing or Hanging).Select(t => t.GetProperty("index").GetInt32());
        Assert.That(Tasks(submissions[1]), Is.EquivalentTo(indices));
        var folders = vitis.Calls.Skip(callsBefore).Select(c => Path.GetFileName(c[1])).Distinct().ToList();
        Assert.That(folders, Is.EquivalentTo(new[] { Failing, Hanging }));
    }

    /// <summary>calibration.yaml covers all six designs now, and the fit reproduces every LUT and FF figure the model could not before.</summary>
    private static void AssertRecalibrated(string output)
    {
        Assert.That(CalibratedDesigns(output), Is.EquivalentTo(Designs));
        var calibration = Core.Configs.ConfigLoader.LoadCalibration(Path.Combine(output, "calibration.yaml"));
        Assert.That(calibration.Constants, Is.Not.Empty);
        var resources = calibration.Residuals.Where(r => r.Figure is "lut" or "ff").ToList();
        Assert.That(resources, Has.Count.EqualTo(12));
        Assert.That(resources.Select(r => Math.Abs(r.Percent!.Value)), Has.All.LessThan(0.5), "after the fit the model gives the reports' figures");
        // With its default costs the model misses them: the fit, not the defaults, brought the residuals down.
        var defaults = Designs.Select(d => ProjectManifest.Read(Path.Combine(output, "designs", d, ProjectManifest.FileName)).Engine.ToConfig())
            .Select(e => (Default: ResourceModel.Estimate(e).Kernel.Lut, Truth: ResourceModel.Estimate(e, Truth).Kernel.Lut));
        Assert.That(defaults.Select(d => Math.Abs(d.Default - d.Truth) / d.Truth), Has.Some.GreaterThan(0.01));
    }

    private static IEnumerable<string> CalibratedDesigns(string output) =>
        Core.Configs.ConfigLoader.LoadCalibration(Path.Combine(output, "calibration.yaml")).Residuals.Select(r => Path.GetFileName(r.Report)).Distinct();

    /// <summary>The parts of <paramref name="expected"/> between its '…' (a path, a hash) appear in <paramref name="line"/>, in order.</summary>
    private static void AssertHolds(string line, string expected)
    {
        int at = 0;
        foreach (var part in expected.Split('…'))
        {
            at = line.IndexOf(part, at, StringComparison.Ordinal);
            Assert.That(at, Is.GreaterThanOrEqualTo(0), $"'{part}' in: {line}");
        }
    }

    /// <summary>The largest subnet made shallower: depth 4 of 2 heads, another design under any file name.</summary>
    private static string ShallowerSubnet()
    {
        var lines = File.ReadAllLines(LargestSubnet).Where(l => !l.StartsWith('#'))
            .Select(l => l == "depth: 6" ? "depth: 4" : l.Replace("heads: 3", "heads: 2", StringComparison.Ordinal)).ToList();
        lines.RemoveRange(lines.Count - 2, 2); // two of the six layers
        return string.Join('\n', lines);
    }

    private static string LoweredSubnet(string output, string design) =>
        Core.Ir.Package.IrPackage.Read(Path.Combine(output, "packages", design + ".qir")).Metadata["subnet"];

    private static string Sha256(string file) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));

    private static JsonDocument State(string output) => JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "sweep.json")));

    private static IEnumerable<int> Tasks(JsonElement submission) => submission.GetProperty("tasks").EnumerateArray().Select(t => t.GetInt32());

    private static string Line(CliRun run, string design) =>
        run.Out.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith(design + " ", StringComparison.Ordinal)) ?? $"(no line for {design})";

    /// <summary>A process that exists and is not a zombie waiting for its parent.</summary>
    private static bool Alive(int pid)
    {
        var status = $"/proc/{pid}/status";
        try
        {
            return File.Exists(status) && !File.ReadAllLines(status).Any(l => l.StartsWith("State:", StringComparison.Ordinal) && l.Contains('Z', StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string Quoted(string path) => "\"" + path + "\"";
}
