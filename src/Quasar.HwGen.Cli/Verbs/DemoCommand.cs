using System.CommandLine;
using System.Globalization;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Cli.Verbs.RunReport;
using Quasar.HwGen.Codegen.Engine;
using Quasar.HwGen.Codegen.Project;
using Quasar.HwGen.Codegen.Templates;
using Quasar.HwGen.Core;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Package;
using Quasar.HwGen.Core.Lowering;
using Quasar.HwGen.Hardware.Latency;
using Quasar.HwGen.Hardware.Resources;
using Quasar.HwGen.Hardware.Solver;
using Quasar.HwGen.Search;
using Quasar.HwGen.Search.Evolution;
using Quasar.HwGen.Search.Results;
using Quasar.HwGen.Training.Checkpoints;
using Quasar.HwGen.Vitis.Csim;
using Quasar.HwGen.Vitis.Projects;
using Quasar.Runtime.Xrt;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>
/// `quasar demo`: the pipeline end to end on what the repository ships: the trained Fashion-MNIST supernet, a short
/// hardware-aware search, lowering of the chosen subnet, its inference in the C# emulation of the engine, the Vitis HLS
/// project generated for it, and that project's kernel compiled by g++: testbench and 100 images end to end.
/// </summary>
public static class DemoCommand
{
    public const string ShippedSupernet = "samples/models/fashion-mnist-supernet/supernet.json";

    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Work directory", DefaultValueFactory = _ => new DirectoryInfo("artifacts/demo") }.OutputDirectory();
        var command = new Command("demo", "Run the pipeline end to end on the shipped supernet and sample data (software emulation)") { output };
        command.SetAction(parse => CliErrors.Run(parse, () => Run(parse.GetRequiredValue(output).FullName)));
        return command;
    }

    private static void Run(string work)
    {
        var ci = CultureInfo.InvariantCulture;
        Directory.CreateDirectory(work);
        var steps = new RunSteps(work);
        var data = Path.Combine(ShippedFiles.Root, FashionMnist.SampleSubdirectory);
        var train = FashionMnist.LoadTrain(data);
        var test = FashionMnist.LoadTest(data);
        var validation = ValidationSplit.Load(data, 1000, 300);
        Console.WriteLine($"[1/8] data      {data}: {train.Count} train, {validation.Count} validation (held out), {test.Count} test images");

        var checkpoint = Path.Combine(ShippedFiles.Root, ShippedSupernet);
        var (supernet, space) = TrainedModels.Load(checkpoint, null);
        using var owned = supernet;
        var state = CheckpointStore.ReadManifest(checkpoint).State;
        Console.WriteLine(string.Create(ci, $"[2/8] supernet  {ShippedSupernet}: '{space.Name}', {state.Epochs} epochs on {state.TrainImages} images, seed {state.Seed}{(state.InitFrom is null ? "" : ", continuing earlier runs")}{(state.AveragedFrom is null ? "" : ", the average of that run's snapshots")} (see its README.md)"));

        var platform = SampleConfigs.LoadPlatform(SampleConfigs.Zcu102);
        // The engine for the whole space: what the search assumes, `quasar estimate` and `quasar generate` default to, and step 7 generates.
        var engine = EngineSolver.ForSpace(platform, space);
        var model = engine.Model;
        double slowest = model.FramesPerSecond(Subnet.Largest(space), space), fastest = model.FramesPerSecond(Subnet.Smallest(space), space);
        // Three targets at a quarter, a half and three quarters of the space's FPS span, rounded to 100 FPS.
        double[] targets = [.. new[] { 0.25, 0.5, 0.75 }.Select(f => 100 * Math.Round((slowest + f * (fastest - slowest)) / 100)).Distinct()];
        var options = new SearchOptions(targets, Population: 12, TopK: 4, Mutations: 6, Crossovers: 6, Generations: 3, Seed: 1);
        var job = new SearchJob(space, platform, options, Path.Combine(work, "search"));
        // A rerun resumes the finished search when nothing changed, so the demo is repeatable without deleting anything;
        // the state of a search with another supernet or other settings (the demo owns this directory) is discarded.
        var evaluator = new SupernetAccuracyEvaluator(supernet, validation, checkpoint, data);
        bool resume = job.CanResume(evaluator);
        if (!resume && File.Exists(job.StatePath)) File.Delete(job.StatePath); // a fresh clone has no search directory yet
        var fpsArgs = string.Join(' ', targets.Select(t => string.Create(ci, $"--fps {t:0}")));
        var search = steps.Run("search", $"quasar search --checkpoint {ShippedSupernet} {fpsArgs} --platform {SampleConfigs.Zcu102} --data {FashionMnist.SampleSubdirectory} --validation-images 1000 --evaluate-images 300 --population 12 --children 6 --generations 3 --top-k 4 --seed 1 --out {job.OutputDirectory} --resume", () =>
        {
            var r = job.Run(evaluator, resume);
            return (r.Result, r.Files, string.Create(ci, $"{r.Result.Evaluated.Count} subnets evaluated, {r.Result.Pareto.Count} on the Pareto front{(resume ? " (resumed)" : "")}"));
        });
        Console.WriteLine(string.Create(ci, $"[3/8] search    targets {string.Join(", ", targets)} FPS on {platform.Name} (the space spans {slowest:F0}-{fastest:F0}): {search.Evaluated.Count} subnets evaluated; results in {job.OutputDirectory}"));

        var subnets = new List<RunSubnet>();
        foreach (var found in search.Targets)
            subnets.Add(RunChosen(work, steps, supernet, space, platform, engine, found, train, test));

        var device = platform.Resources;
        var resources = ResourceBudget.Kinds.Select(kind => new RunResource(ResourceBudget.Name(kind), engine.Resources.Total[kind], engine.Budget[kind],
            kind switch { ResourceKind.Dsp => device.Dsp, ResourceKind.Lut => device.Lut, ResourceKind.Ff => device.Ff, _ => device.Bram18k }, kind == engine.Binding)).ToList();
        var record = new RunRecord(RunRecord.CurrentVersion, platform.Name, platform.Part, platform.ClockMhz, engine.Engine.Describe(), steps.All,
            [.. search.Evaluated.Select(c => new RunPoint(c.Fps, c.Accuracy))], [.. search.Pareto.Select(c => new RunPoint(c.Fps, c.Accuracy))], subnets, resources);
        RunRecordFile.Write(work, record);
        var page = RunReportWriter.Write(work, record);
        Console.WriteLine();
        Console.Write(RunSummary.Format(record));
        Console.WriteLine($"run record {Path.Combine(work, RunRecord.FileName)}; report {page} (`quasar report {work}` rebuilds it)");
    }

    /// <summary>Steps 4-8 for the subnet chosen for one target: lower, infer, estimate, generate, g++ csim end to end.</summary>
    private static RunSubnet RunChosen(string work, RunSteps steps, Training.Model.Supernet supernet, SearchSpace space, PlatformConfig platform,
        EngineSolution engine, TargetResult found, LabeledImages train, LabeledImages test)
    {
        var ci = CultureInfo.InvariantCulture;
        var chosen = found.Best;
        var name = string.Create(ci, $"fps-{found.FpsTarget:0}");
        var subnetFile = Path.Combine(work, "search", "targets", string.Create(ci, $"fps-{found.FpsTarget:0.#}.best.subnet.yaml"));
        Console.WriteLine(string.Create(ci, $"--- {name}: {chosen.Subnet.Summary(space)}"));
        Console.WriteLine(string.Create(ci, $"                validation top-1 {100 * chosen.Accuracy:F1}% at {chosen.Fps:F0} FPS; best uniform subnet {(found.BestUniform is { } u ? $"{100 * u.Accuracy:F1}% at {u.Fps:F0} FPS" : "none")}"));

        var package = Path.Combine(work, name, "chosen.qir");
        var graph = steps.Run($"lower {name}", $"quasar lower --subnet {subnetFile} --checkpoint {ShippedSupernet} --data {FashionMnist.SampleSubdirectory} --count 16 --out {package} --force", () =>
        {
            var g = VitLowering.Lower(TrainedModels.Export(supernet, chosen.Subnet, ShippedSupernet),
                [.. Enumerable.Range(0, 16).Select(i => train.Image(i).ToArray())],
                new Dictionary<string, string> { ["search_space"] = space.Name, ["subnet"] = chosen.Subnet.Summary(space), ["checkpoint"] = ShippedSupernet }, space.Name);
            IrPackage.Write(package, g, overwrite: true);
            return (g, new[] { package }, $"{g.Ops.Count} ops");
        });
        Console.WriteLine($"[4/8] lower     {package}");

        var subset = test.Take(500);
        var comparison = steps.Run($"infer {name}", $"quasar evaluate --checkpoint {ShippedSupernet} --subnet {subnetFile} --data {FashionMnist.SampleSubdirectory} --count {subset.Count}", () =>
        {
            var c = EvaluateCommand.Compare(supernet, ShippedSupernet, chosen.Subnet, space, subset, train.Take(16));
            return (c, Array.Empty<string>(), string.Create(ci, $"integer {100 * c.Integer:F1}%, fake-quant {100 * c.FakeQuant:F1}%, agreement {100 * c.Agreement:F1}%"));
        });
        Console.WriteLine(string.Create(ci,
            $"[5/8] infer     {subset.Count} test images: integer emulation top-1 {100 * comparison.Integer:F1}%, fake-quant model {100 * comparison.FakeQuant:F1}%, top-1 agreement {100 * comparison.Agreement:F1}%"));

        var estimate = steps.Run($"estimate {name}", $"quasar estimate --subnet {subnetFile} --platform {SampleConfigs.Zcu102} --engine space", () =>
        {
            var e = engine.Model.Estimate(chosen.Subnet, space);
            return (e, Array.Empty<string>(), string.Create(ci, $"{e.FramesPerSecond:F1} FPS, {1e3 * e.Seconds:F3} ms a frame"));
        });
        Console.WriteLine(string.Create(ci, $"[6/8] estimate  {estimate.FramesPerSecond:F0} FPS on {platform.Name} at {platform.ClockMhz} MHz on the space's engine"));

        // A rerun replaces the generated files it wrote before; a file the user edited there stops it (no --force here).
        var projectDirectory = Path.Combine(work, name, "hls-project");
        var generated = steps.Run($"generate {name}", $"quasar generate --package {package} --out {projectDirectory} --platform {SampleConfigs.Zcu102} --engine space --data {FashionMnist.SampleSubdirectory} --count 2", () =>
        {
            var gen = new ProjectGenerator(HlsSources.Locate()).Generate(new GenerateRequest(LoadedPackage.Read(package), projectDirectory, platform, space,
                new EngineSizingOptions(EngineScope.Space), [.. Enumerable.Range(0, 2).Select(i => test.Image(i).ToArray())]));
            if (gen.Engine.Config != engine.Engine)
                throw new InvalidOperationException($"the generated engine {gen.Engine.Config.Describe()} is not the one estimated in step 6 ({engine.Engine.Describe()})");
            return (gen, new[] { projectDirectory }, $"{gen.Files.Count} files, {gen.GoldenCalls} golden calls");
        });
        Console.WriteLine(string.Create(ci, $"[7/8] generate  {projectDirectory}: {generated.Files.Count} files, {generated.GoldenCalls} golden calls; engine {generated.Engine.Config.Describe()}"));

        const int endToEndImages = 100;
        var (csim, endToEnd) = steps.Run($"csim {name}", $"quasar csim {projectDirectory} --package {package} --data {FashionMnist.SampleSubdirectory} --count {endToEndImages}", () =>
        {
            var project = HlsProject.Open(projectDirectory);
            var c = new GxxCsim("g++", GxxCsimOptions.Default).RunAsync(project, []).GetAwaiter().GetResult();
            if (!c.Succeeded) throw new CheckFailedException($"csim of {projectDirectory} failed: {c.Summary()}");
            using var kernel = new CompiledKernelEngine(new KernelLibraryBuilder("g++", GxxCsimOptions.Default).BuildAsync(project).GetAwaiter().GetResult(),
                generated.Engine.Config.Geometry);
            var e2e = EndToEndCsim.Run(graph, kernel, [.. Enumerable.Range(0, endToEndImages).Select(i => test.Image(i).ToArray())]);
            if (!e2e.Passed) throw new CheckFailedException($"the g++-built kernel disagrees with the emulation: {e2e.Mismatch}");
            return ((c, e2e), Array.Empty<string>(), string.Create(ci, $"{c.Summary()}; identical logits on {e2e.ImagesMatched} images"));
        });
        Console.WriteLine(string.Create(ci, $"[8/8] csim      g++ testbench: {csim.Summary()}"));
        Console.WriteLine(string.Create(ci, $"                end to end: identical logits on {endToEnd.ImagesMatched} test images ({endToEnd.KernelCalls} kernel calls)"));

        var swEmu = steps.Run($"sw-emu {name}", $"quasar sw-emu {projectDirectory} && quasar-run --package {package} --backend sw-emu --xclbin {projectDirectory}/sw_emu/<rid>/{SoftwareEmulationXclbin.FileName} --idx {FashionMnist.SampleSubdirectory}/t10k-images-idx3-ubyte.gz --count {endToEndImages}", () =>
        {
            var o = SoftwareEmulationCheck.Run(HlsProject.Open(projectDirectory), graph, test.Take(endToEndImages));
            return (o, new[] { Path.GetDirectoryName(o.Xclbin)! }, o.FirstDifference is null ? $"logits identical to emu on {o.Images} images" : $"logit {o.FirstDifference} differs from emu");
        });
        if (swEmu.FirstDifference is int at) throw new CheckFailedException($"sw-emu of {projectDirectory} disagrees with the emulation at logit {at} of {swEmu.Images} images");
        Console.WriteLine(string.Create(ci, $"        sw-emu  logits identical to emu on {swEmu.Images} test images through XRT's C API ({Path.GetRelativePath(work, swEmu.Xclbin)})"));

        RunBackend[] backends =
        [
            new("emu", RunBackend.Reference, string.Create(ci, $"the C# integer emulation, what the others are compared with; {subset.Count} test images, {100 * comparison.Agreement:F1}% top-1 agreement with the fake-quant model")),
            new("g++ csim", RunBackend.BitExact, string.Create(ci, $"{csim.Summary()}; identical logits to emu on {endToEnd.ImagesMatched} test images ({endToEnd.KernelCalls} kernel calls)")),
            new("sw-emu", RunBackend.BitExact, string.Create(ci, $"identical logits to emu on {swEmu.Images} test images through XRT's C API")),
            new("arm64", RunBackend.NotRun, "the demo runs on the build machine only (`./build.sh Arm64` checks the arm64 build under qemu)"),
        ];
        return new RunSubnet(name, found.FpsTarget, chosen.Subnet.Summary(space), chosen.Accuracy, chosen.Fps, estimate.FramesPerSecond, 1e3 * estimate.Seconds,
            subset.Count, comparison.FakeQuant, comparison.Integer,
            [.. estimate.Ops.GroupBy(op => op.Op).OrderBy(g => g.Key).Select(g => new RunLatency(LatencyModel.OpName(g.Key), 1e3 * g.Sum(o => o.Seconds)))],
            [.. estimate.Ops.GroupBy(op => op.Layer).OrderBy(g => g.Key).Select(g => new RunLatency(
                g.Key < 0 ? "embedding" : g.Key >= chosen.Subnet.Depth ? "head" : string.Create(ci, $"layers[{g.Key}]"), 1e3 * g.Sum(o => o.Seconds)))],
            backends, Path.GetRelativePath(work, projectDirectory));
    }
}
