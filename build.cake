// Build, test and benchmark targets. Run through ./build.sh, which installs what the machine lacks first.
#nullable enable
using System.Xml.Linq;

var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var solution = "./Quasar.HwGen.sln";
var artifacts = MakeAbsolute(Directory("./artifacts"));
var testResults = artifacts.Combine("test-results");

// Long-running test categories: each has a target of its own and stays out of `Test` (what CI runs).
var longCategories = new[] { "Sweep", "Benchmark" };

Task("Clean")
    .Does(() =>
{
    CleanDirectory(artifacts);
    DotNetClean(solution, new DotNetCleanSettings { Configuration = configuration });
});

Task("Build")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration });
});

Task("Test")
    .Description("Every test except the long categories; prints 'N passed, N failed, N skipped'.")
    .IsDependentOn("Build")
    .Does(() => RunTests(string.Join("&", longCategories.Select(c => $"TestCategory!={c}"))));

Task("TestSweep")
    .Description("The long bit-exactness and search sweeps (category Sweep).")
    .IsDependentOn("Build")
    .Does(() => RunTests("TestCategory=Sweep"));

Task("TestBenchmark")
    .Description("Speed measurements (category Benchmark), e.g. supernet training images/s.")
    .IsDependentOn("Build")
    .Does(() =>
{
    RunTests("TestCategory=Benchmark");
    PrintTestOutput(testResults);
});

Task("Demo")
    .Description("The main job end to end on the shipped samples, in software emulation.")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetRun("./src/Quasar.HwGen.Cli/Quasar.HwGen.Cli.csproj", new ProcessArgumentBuilder().Append("demo"),
        new DotNetRunSettings { Configuration = configuration, NoBuild = true });
});

Task("Bench")
    .Description("Benchmarks in Release: `--bench=gemm,model` (default both): the integer GEMM emulator against TorchSharp float32, and whole-model images/s; `--bench=float` the TorchSharp float32 model of each subnet.")
    .Does(() =>
{
    // Always Release, whatever --configuration says: a Debug benchmark measures nothing useful.
    foreach (var benchmark in Argument("bench", "gemm,model").Split(','))
    {
        DotNetRun("./bench/Quasar.HwGen.Bench/Quasar.HwGen.Bench.csproj", new ProcessArgumentBuilder().Append(benchmark),
            new DotNetRunSettings { Configuration = "Release" });
    }
});

Task("BenchHardware")
    .Description("Benchmarks the hardware model and the search in Release: estimates/s, solver time, a synthetic-accuracy search's wall time, the calibration table (`--calibrate` refits it).")
    .Does(() =>
{
    var arguments = new ProcessArgumentBuilder().Append("hardware");
    if (HasArgument("calibrate")) arguments.Append("--calibrate");
    DotNetRun("./bench/Quasar.HwGen.Bench/Quasar.HwGen.Bench.csproj", arguments,
        new DotNetRunSettings { Configuration = "Release" });
});

Task("BenchFabric")
    .Description("Fabric cost of the engine's 4-bit units, measured with Yosys on RTL models of one array column (bench/fabric; needs `apt-get install yosys`).")
    .Does(() =>
{
    var exit = StartProcess("bash", new ProcessSettings { Arguments = new ProcessArgumentBuilder().Append("bench/fabric/measure.sh") });
    if (exit != 0) throw new Exception($"bench/fabric/measure.sh exited {exit}");
});

Task("Default").IsDependentOn("Test");

void RunTests(string filter)
{
    CleanDirectory(testResults);
    var failures = new List<string>();
    foreach (var project in GetFiles("./tests/**/*.Tests.csproj"))
    {
        try
        {
            DotNetTest(project.FullPath, new DotNetTestSettings
            {
                Configuration = configuration,
                NoBuild = true,
                Filter = filter,
                ResultsDirectory = testResults,
                Loggers = new[] { $"trx;LogFileName={project.GetFilenameWithoutExtension()}.trx" },
            });
        }
        catch (Exception e)
        {
            failures.Add($"{project.GetFilename()}: {e.Message}");
        }
    }
    var summary = Summarize(testResults);
    System.IO.File.WriteAllText(testResults.CombineWithFilePath("summary.txt").FullPath, summary + "\n");
    Information(summary);
    if (failures.Count > 0) throw new Exception("Test failures:\n" + string.Join("\n", failures));
}

// What the tests wrote (dotnet test keeps it in the TRX files, not on the console): the benchmarks' measurements.
void PrintTestOutput(DirectoryPath results)
{
    XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    foreach (var trx in System.IO.Directory.EnumerateFiles(results.FullPath, "*.trx"))
    {
        var output = XDocument.Load(trx).Descendants(ns + "ResultSummary").Elements(ns + "Output").Elements(ns + "StdOut").FirstOrDefault()?.Value;
        if (output is null) continue;
        foreach (var line in output.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0 && !l.Contains("NUnit") && !l.StartsWith("Running selected tests")))
            Information(line);
    }
}

// Sums the counters of every TRX file: "N passed, N failed, N skipped".
static string Summarize(DirectoryPath results)
{
    XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    int passed = 0, failed = 0, total = 0;
    foreach (var trx in System.IO.Directory.EnumerateFiles(results.FullPath, "*.trx"))
    {
        var counters = XDocument.Load(trx).Descendants(ns + "Counters").Single();
        passed += (int)counters.Attribute("passed")!;
        failed += (int)counters.Attribute("failed")! + (int)counters.Attribute("error")! + (int)counters.Attribute("timeout")! + (int)counters.Attribute("aborted")!;
        total += (int)counters.Attribute("total")!;
    }
    return $"{passed} passed, {failed} failed, {total - passed - failed} skipped";
}

RunTarget(target);
