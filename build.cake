// Build, test and benchmark targets. Run through ./build.sh, which installs what the machine lacks first.
#nullable enable
using System.Buffers.Binary;
using System.Diagnostics;
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

Task("PackTool")
    .Description("Packs `quasar` as a dotnet tool into artifacts/tool (without libtorch; docs/install.md), built apart in artifacts/tool-build.")
    .Does(() =>
{
    var output = artifacts.Combine("tool");
    CleanDirectory(output);
    DotNetPack("./src/Quasar.HwGen.Cli/Quasar.HwGen.Cli.csproj", new DotNetPackSettings
    {
        Configuration = "Release",
        OutputDirectory = output,
        // Its own obj/ and bin/: the tool's restore (TorchSharp without libtorch) must not replace the solution's.
        ArgumentCustomization = args => args.Append("-p:QuasarToolPackage=true").Append("--artifacts-path").AppendQuoted(artifacts.Combine("tool-build").FullPath),
    });
    Information($"dotnet tool install --global Quasar.HwGen --add-source {output}");
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

Task("Arm64")
    .Description("The linux-arm64 build of quasar-run, under qemu, computes the same logits as linux-x64: `--count=N` (default 300) Fashion-MNIST test images of the shipped supernet's largest subnet, 2 random inputs of the QUASAR-S-like subnet.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var count = Argument("count", 300);
    var work = artifacts.Combine("arm64");
    EnsureDirectoryExists(work);
    var qemu = Context.Tools.Resolve("qemu-aarch64")
        ?? throw new Exception("qemu-aarch64 not found: install qemu-user and the arm64 libraries with .ci/install-system-packages (Debian: dpkg --add-architecture arm64; apt-get install qemu-user libc6:arm64 libstdc++6:arm64 libssl3:arm64)");

    // Lowered by the main CLI on x64: the bits to compare are the runtime's, not the lowering's.
    var fashion = work.Combine("fashion-mnist.largest.qir");
    var quasarS = work.Combine("quasar-s-like.qir");
    Timed("lower fashion-mnist.largest", () => Quasar(new ProcessArgumentBuilder().Append("lower --subnet fashion-mnist.largest --checkpoint")
        .AppendQuoted("samples/models/fashion-mnist-supernet/supernet.json").Append("--out").AppendQuoted(fashion.FullPath).Append("--force")));
    Timed("lower quasar-s-like (random weights)", () => Quasar(new ProcessArgumentBuilder().Append("lower --subnet quasar-s-like --count 1 --out")
        .AppendQuoted(quasarS.FullPath).Append("--force")));

    var apps = new[] { "linux-x64", "linux-arm64" }.ToDictionary(rid => rid, rid => Timed($"publish {rid}", () => PublishQuasarRun(rid, work)));
    var data = MakeAbsolute(Directory("samples/data/fashion-mnist"));
    var checks = new[]
    {
        (Name: "fashion-mnist.largest", Inputs: $"{count} images", Count: count, Arguments: new ProcessArgumentBuilder()
            .Append("--package").AppendQuoted(fashion.FullPath).Append("--idx").AppendQuoted(data.CombineWithFilePath("t10k-images-idx3-ubyte.gz").FullPath)
            .Append("--labels").AppendQuoted(data.CombineWithFilePath("t10k-labels-idx1-ubyte.gz").FullPath).Append($"--count {count}")),
        (Name: "quasar-s-like", Inputs: "2 random inputs", Count: 2, Arguments: new ProcessArgumentBuilder()
            .Append("--package").AppendQuoted(quasarS.FullPath).Append("--random 2")),
    };
    foreach (var check in checks)
    {
        var logits = apps.Keys.ToDictionary(rid => rid, rid => work.CombineWithFilePath($"{check.Name}.{rid}.logits"));
        foreach (var (rid, app) in apps)
        {
            var arguments = new ProcessArgumentBuilder();
            foreach (var argument in check.Arguments) arguments.Append(argument);
            arguments.Append("--logits").AppendQuoted(logits[rid].FullPath);
            Timed($"run {check.Name} on {rid}{(rid == "linux-arm64" ? " (qemu)" : "")}", () => RunQuasarRun(rid == "linux-arm64" ? qemu : null, app, arguments));
        }
        var difference = FirstDifference(logits["linux-x64"], logits["linux-arm64"], check.Count);
        if (difference is not null) throw new Exception($"{check.Name}: the logits differ at {difference}");
        Information($"{check.Name}: {check.Inputs}, logits identical on linux-x64 and linux-arm64 (qemu)");
    }
});

Task("SwEmu")
    .Description("quasar-run on sw-emu (the generated kernel through XRT's C API) gives the logits of emu bit for bit: `--count=N` (default 1000) Fashion-MNIST test images of the shipped supernet's largest subnet and 2 random inputs of the QUASAR-S-like subnet; then the linux-arm64 build (app and device, under qemu) on `--arm64-count=N` (default 100) Fashion images against linux-x64.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var count = Argument("count", 1000);
    var arm64Count = Argument("arm64-count", 100);
    var work = artifacts.Combine("sw-emu");
    EnsureDirectoryExists(work);
    var qemu = arm64Count > 0 ? Context.Tools.Resolve("qemu-aarch64")
        ?? throw new Exception("qemu-aarch64 not found: install qemu-user and the arm64 libraries with .ci/install-system-packages, or give --arm64-count=0") : null;
    var apps = new Dictionary<string, FilePath> { ["linux-x64"] = Timed("publish linux-x64", () => PublishQuasarRun("linux-x64", work)) };
    if (qemu is not null) apps["linux-arm64"] = Timed("publish linux-arm64", () => PublishQuasarRun("linux-arm64", work));

    foreach (var model in SwEmuModels(count, 2))
    {
        var (package, xclbin) = PrepareSwEmu(work, model.Name, model.Lower);
        var logits = new Dictionary<string, FilePath>();
        foreach (var backend in new[] { "emu", "sw-emu" })
        {
            logits[backend] = work.CombineWithFilePath($"{model.Name}.{backend}.logits");
            var arguments = QuasarRunArguments(package, model.Inputs, backend, xclbin).Append("--logits").AppendQuoted(logits[backend].FullPath);
            Timed($"run {model.Name} on {backend}", () => RunQuasarRun(null, apps["linux-x64"], arguments));
        }
        var difference = FirstDifference(logits["emu"], logits["sw-emu"], model.Count, "emu", "sw-emu");
        if (difference is not null) throw new Exception($"{model.Name}: emu and sw-emu logits differ at {difference}");
        Information($"{model.Name}: {model.Count} inputs, logits identical on emu and sw-emu");

        if (qemu is null || model.Name != "fashion-mnist.largest") continue;
        Timed($"sw-emu device of {model.Name} for arm64", () => Quasar(new ProcessArgumentBuilder().Append("sw-emu").AppendQuoted(xclbin.GetDirectory().GetParent().GetParent().FullPath).Append("--arch arm64")));
        var perRid = new Dictionary<string, FilePath>();
        foreach (var rid in apps.Keys)
        {
            perRid[rid] = work.CombineWithFilePath($"{model.Name}.sw-emu.{rid}.logits");
            var device = xclbin.GetDirectory().GetParent().Combine(rid).CombineWithFilePath(xclbin.GetFilename());
            var arguments = QuasarRunArguments(package, FashionInputs(arm64Count), "sw-emu", device).Append("--logits").AppendQuoted(perRid[rid].FullPath);
            Timed($"run {model.Name} on sw-emu, {rid}{(rid == "linux-arm64" ? " (qemu)" : "")}", () => RunQuasarRun(rid == "linux-arm64" ? qemu : null, apps[rid], arguments));
        }
        difference = FirstDifference(perRid["linux-x64"], perRid["linux-arm64"], arm64Count);
        if (difference is not null) throw new Exception($"{model.Name}: sw-emu logits of linux-x64 and linux-arm64 differ at {difference}");
        Information($"{model.Name}: {arm64Count} images, sw-emu logits identical on linux-x64 and linux-arm64 (qemu)");
    }
});

Task("BenchSwEmu")
    .Description("quasar-run (published, linux-x64) side by side in one run: images/s on emu and sw-emu with 1 and 2 frames in flight, the gain of the second frame, and the application's peak resident memory; `--count=N` Fashion-MNIST images (default 300), `--quasar-s=N` QUASAR-S-like random inputs (default 4).")
    .IsDependentOn("Build")
    .Does(() =>
{
    var work = artifacts.Combine("sw-emu");
    EnsureDirectoryExists(work);
    var app = Timed("publish linux-x64", () => PublishQuasarRun("linux-x64", work));
    var rows = new List<string> { $"{"model",-22} {"backend",-7} {"frames",6} {"images/s",10} {"2-frame gain",13} {"peak RSS MB",12}" };
    foreach (var model in SwEmuModels(Argument("count", 300), Argument("quasar-s", 4)))
    {
        var (package, xclbin) = PrepareSwEmu(work, model.Name, model.Lower);
        foreach (var backend in new[] { "emu", "sw-emu" })
        {
            double? single = null;
            foreach (var frames in new[] { 1, 2 })
            {
                var arguments = QuasarRunArguments(package, model.Inputs, backend, xclbin).Append($"--frames {frames}");
                var output = Timed($"run {model.Name} on {backend}, {frames} frame(s)", () => RunQuasarRunOutput(app, arguments));
                double rate = Number(output, @"([\d.]+) images/s"), peak = Number(output, @"peak resident memory: ([\d.]+) MB");
                single ??= rate;
                rows.Add($"{model.Name,-22} {backend,-7} {frames,6} {rate,10:F3} {(frames == 2 ? $"{rate / single.Value:F2}x" : ""),13} {peak,12:F1}");
            }
        }
    }
    Information(string.Join(Environment.NewLine, rows));
});

record SwEmuModel(string Name, string Lower, string Inputs, int Count);

IEnumerable<SwEmuModel> SwEmuModels(int fashionImages, int quasarInputs) => new[]
{
    new SwEmuModel("fashion-mnist.largest", "--subnet fashion-mnist.largest --checkpoint samples/models/fashion-mnist-supernet/supernet.json",
        FashionInputs(fashionImages), fashionImages),
    new SwEmuModel("quasar-s-like", "--subnet quasar-s-like --count 1", $"--random {quasarInputs} --seed 5", quasarInputs),
};

string FashionInputs(int count)
{
    var data = MakeAbsolute(Directory("samples/data/fashion-mnist"));
    return $"--idx {Quote(data.CombineWithFilePath("t10k-images-idx3-ubyte.gz").FullPath)} --labels {Quote(data.CombineWithFilePath("t10k-labels-idx1-ubyte.gz").FullPath)} --count {count}";
}

// Lowers the model, generates its project and builds its sw-emu device (quasar sw-emu): the package and the xclbin.
(DirectoryPath Package, FilePath Xclbin) PrepareSwEmu(DirectoryPath work, string name, string lower)
{
    var package = work.Combine($"{name}.qir");
    var project = work.Combine($"{name}.project");
    Timed($"lower {name}", () => Quasar(new ProcessArgumentBuilder().Append($"lower {lower} --out").AppendQuoted(package.FullPath).Append("--force")));
    Timed($"generate {name}", () => Quasar(new ProcessArgumentBuilder().Append("generate --package").AppendQuoted(package.FullPath)
        .Append("--out").AppendQuoted(project.FullPath).Append("--force")));
    Timed($"sw-emu device of {name}", () => Quasar(new ProcessArgumentBuilder().Append("sw-emu").AppendQuoted(project.FullPath)));
    return (package, project.Combine("sw_emu/linux-x64").CombineWithFilePath("quasar_gemm.sw_emu.xclbin"));
}

ProcessArgumentBuilder QuasarRunArguments(DirectoryPath package, string inputs, string backend, FilePath xclbin)
{
    var arguments = new ProcessArgumentBuilder().Append("--package").AppendQuoted(package.FullPath).Append(inputs).Append($"--backend {backend}");
    return backend == "emu" ? arguments : arguments.Append("--xclbin").AppendQuoted(xclbin.FullPath);
}

string RunQuasarRunOutput(FilePath app, ProcessArgumentBuilder arguments)
{
    var exit = StartProcess(app, new ProcessSettings { Arguments = arguments, RedirectStandardOutput = true }, out var lines);
    var output = string.Join("\n", lines);
    Information(output);
    if (exit != 0) throw new Exception($"{app} {arguments.RenderSafe()} exited {exit}");
    return output;
}

static double Number(string text, string pattern)
{
    var match = System.Text.RegularExpressions.Regex.Match(text, pattern);
    if (!match.Success) throw new Exception($"no '{pattern}' in the output:\n{text}");
    return double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
}

static string Quote(string path) => "\"" + path + "\"";

Task("Default").IsDependentOn("Test");

void Quasar(ProcessArgumentBuilder arguments) =>
    DotNetRun("./src/Quasar.HwGen.Cli/Quasar.HwGen.Cli.csproj", arguments, new DotNetRunSettings { Configuration = configuration, NoBuild = true });

// Self-contained, in a build folder of its own: a RID-specific restore in the projects' obj/ would clash with the solution build.
FilePath PublishQuasarRun(string rid, DirectoryPath work)
{
    var output = work.Combine("publish").Combine(rid);
    DotNetPublish("./host-runtime/Quasar.Runtime.App/Quasar.Runtime.App.csproj", new DotNetPublishSettings
    {
        Configuration = "Release",
        Runtime = rid,
        SelfContained = true,
        OutputDirectory = output,
        ArgumentCustomization = args => args.Append("--artifacts-path").AppendQuoted(work.Combine("build").FullPath),
    });
    return output.CombineWithFilePath("quasar-run");
}

// An arm64 quasar-run runs under qemu-user; .NET's W^X double mapping of JIT code does not work there.
void RunQuasarRun(FilePath? qemu, FilePath app, ProcessArgumentBuilder arguments)
{
    var settings = new ProcessSettings { Arguments = arguments };
    if (qemu is not null)
    {
        settings.Arguments = new ProcessArgumentBuilder().AppendQuoted(app.FullPath);
        foreach (var argument in arguments) settings.Arguments.Append(argument);
        settings.EnvironmentVariables = new Dictionary<string, string?> { ["DOTNET_EnableWriteXorExecute"] = "0" };
    }
    var exit = StartProcess(qemu ?? app, settings);
    if (exit != 0) throw new Exception($"{(qemu is null ? "" : "qemu-aarch64 ")}{app} {arguments.RenderSafe()} exited {exit}");
}

T Timed<T>(string step, Func<T> action)
{
    var clock = Stopwatch.StartNew();
    var result = action();
    Information($"{step}: {clock.Elapsed.TotalSeconds:F1} s");
    return result;
}

void Timed(string step, Action action) => Timed(step, () => { action(); return 0; });

// The first logit whose float32 bits differ (image, class, both values), or null when the files are byte-identical.
static string? FirstDifference(FilePath x64, FilePath arm64, int images, string first = "linux-x64", string second = "linux-arm64")
{
    byte[] a = System.IO.File.ReadAllBytes(x64.FullPath), b = System.IO.File.ReadAllBytes(arm64.FullPath);
    if (a.Length != b.Length || a.Length == 0 || a.Length % (4 * images) != 0)
        return $"the file sizes: {x64} has {a.Length} bytes, {arm64} {b.Length} (expected {images} images x classes x 4)";
    int classes = a.Length / 4 / images;
    for (int i = 0; i < a.Length; i += 4)
    {
        uint x = BinaryPrimitives.ReadUInt32LittleEndian(a.AsSpan(i)), y = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(i));
        if (x != y)
            return $"image {i / 4 / classes}, class {i / 4 % classes}: {first} {BitConverter.UInt32BitsToSingle(x):R} (0x{x:x8}), {second} {BitConverter.UInt32BitsToSingle(y):R} (0x{y:x8})";
    }
    return null;
}

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
