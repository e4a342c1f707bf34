using System.CommandLine;
using System.Globalization;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Codegen.Engine;
using Quasar.HwGen.Codegen.Project;
using Quasar.HwGen.Codegen.Templates;
using Quasar.HwGen.Core;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Package;
using Quasar.HwGen.Core.Lowering;
using Quasar.HwGen.Hardware.Solver;
using Quasar.HwGen.Search;
using Quasar.HwGen.Search.Evolution;
using Quasar.HwGen.Training.Checkpoints;
using Quasar.HwGen.Vitis.Csim;
using Quasar.HwGen.Vitis.Projects;

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
        double target = 100 * Math.Round((slowest + 0.5 * (fastest - slowest)) / 100);
        var options = new SearchOptions([target], Population: 12, TopK: 4, Mutations: 6, Crossovers: 6, Generations: 3, Seed: 1);
        var job = new SearchJob(space, platform, options, Path.Combine(work, "search"));
        // A rerun resumes the finished search when nothing changed, so the demo is repeatable without deleting anything;
        // the state of a search with another supernet or other settings (the demo owns this directory) is discarded.
        var evaluator = new SupernetAccuracyEvaluator(supernet, validation, checkpoint, data);
        bool resume = job.CanResume(evaluator);
        if (!resume && File.Exists(job.StatePath)) File.Delete(job.StatePath); // a fresh clone has no search directory yet
        var found = job.Run(evaluator, resume).Result.Targets[0];
        var chosen = found.Best;
        Console.WriteLine(string.Create(ci, $"[3/8] search    target {target:F0} FPS on {platform.Name} (the space spans {slowest:F0}-{fastest:F0}): {found.Best.Subnet.Summary(space)}"));
        Console.WriteLine(string.Create(ci, $"                validation top-1 {100 * chosen.Accuracy:F1}% at {chosen.Fps:F0} FPS; best uniform subnet {(found.BestUniform is { } u ? $"{100 * u.Accuracy:F1}% at {u.Fps:F0} FPS" : "none")}; results in {job.OutputDirectory}"));

        var graph = VitLowering.Lower(TrainedModels.Export(supernet, chosen.Subnet),
            [.. Enumerable.Range(0, 16).Select(i => train.Image(i).ToArray())],
            new Dictionary<string, string> { ["search_space"] = space.Name, ["subnet"] = chosen.Subnet.Summary(space), ["checkpoint"] = ShippedSupernet }, space.Name);
        var package = Path.Combine(work, "chosen.qir");
        IrPackage.Write(package, graph, overwrite: true);
        Console.WriteLine($"[4/8] lower     {package}");
        Console.WriteLine(string.Join('\n', IrSummary.Describe(graph).Split('\n').Select(line => "                " + line.TrimStart())));

        var subset = test.Take(500);
        var comparison = EvaluateCommand.Compare(supernet, chosen.Subnet, space, subset, train.Take(16));
        Console.WriteLine(string.Create(ci,
            $"[5/8] infer     {subset.Count} test images: integer emulation top-1 {100 * comparison.Integer:F1}%, fake-quant model {100 * comparison.FakeQuant:F1}%, top-1 agreement {100 * comparison.Agreement:F1}%"));

        var estimate = model.FramesPerSecond(chosen.Subnet, space);
        Console.WriteLine(string.Create(ci, $"[6/8] estimate  {estimate:F0} FPS on {platform.Name} at {platform.ClockMhz} MHz on the space's engine, generated next (`quasar estimate --subnet {Path.Combine(job.OutputDirectory, "targets")}/...` for the breakdown)"));

        // A rerun replaces the generated files it wrote before; a file the user edited there stops it (no --force here).
        var projectDirectory = Path.Combine(work, "hls-project");
        var generated = new ProjectGenerator(HlsSources.Locate()).Generate(new GenerateRequest(LoadedPackage.Read(package), projectDirectory, platform, space,
            new EngineSizingOptions(EngineScope.Space), [.. Enumerable.Range(0, 2).Select(i => test.Image(i).ToArray())]));
        if (generated.Engine.Config != engine.Engine)
            throw new InvalidOperationException($"the generated engine {generated.Engine.Config.Describe()} is not the one estimated in step 6 ({engine.Engine.Describe()})");
        Console.WriteLine(string.Create(ci, $"[7/8] generate  {projectDirectory}: {generated.Files.Count} files, {generated.GoldenCalls} golden calls; engine {generated.Engine.Config.Describe()}"));

        var project = HlsProject.Open(projectDirectory);
        var csim = new GxxCsim("g++", GxxCsimOptions.Default).RunAsync(project, []).GetAwaiter().GetResult();
        if (!csim.Succeeded) throw new CheckFailedException($"csim of {projectDirectory} failed: {csim.Summary()}");
        using var kernel = new CompiledKernelEngine(new KernelLibraryBuilder("g++", GxxCsimOptions.Default).BuildAsync(project).GetAwaiter().GetResult(),
            generated.Engine.Config.Geometry);
        var endToEnd = EndToEndCsim.Run(graph, kernel, [.. Enumerable.Range(0, 100).Select(i => test.Image(i).ToArray())]);
        if (!endToEnd.Passed) throw new CheckFailedException($"the g++-built kernel disagrees with the emulation: {endToEnd.Mismatch}");
        Console.WriteLine(string.Create(ci, $"[8/8] csim      g++ testbench: {csim.Summary()}"));
        Console.WriteLine(string.Create(ci, $"                end to end: identical logits on {endToEnd.ImagesMatched} test images ({endToEnd.KernelCalls} kernel calls; `quasar csim {projectDirectory} --package {package}`)"));
    }
}
