using System.CommandLine;
using System.Globalization;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Codegen.Engine;
using Quasar.HwGen.Codegen.Project;
using Quasar.HwGen.Codegen.Templates;
using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>`quasar generate`: an IR package (from `quasar lower`) to a Vitis HLS project for a platform (docs/codegen.md).</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var package = new Option<DirectoryInfo>("--package") { Description = "IR package directory (written by `quasar lower`)", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Project directory to create or regenerate", Required = true }.OutputDirectory();
        var platform = new Option<string>("--platform") { Description = "Platform YAML or sample name", DefaultValueFactory = _ => SampleConfigs.Zcu102 };
        var space = new Option<string?>("--space") { Description = "Search space YAML or sample name (default: the one the package was lowered in)" };
        var engine = new Option<string>("--engine")
        {
            Description = "space (default, as in `quasar estimate` and the search): the solver's engine for every subnet of the search space (one bitstream); subnet: the solver's engine for this package's subnet alone; tiny: the space's engine with a tiny array, for a csynth and cosim of the structure in minutes",
            DefaultValueFactory = _ => "space",
        };
        engine.AcceptOnlyFromAmong("space", "subnet", "tiny");
        var maxReduction = Positive("--max-reduction", Hardware.Engine.EngineConfig.MaxReductionLimit, "MAX_REDUCTION to build instead of the solver's (the longest k a call may have)");
        var maxRows = Positive("--max-rows", Hardware.Engine.EngineConfig.MaxRowsLimit, "MAX_ROWS to build instead of the solver's (the most output rows of a per-row call)");
        var images = new Option<int>("--count", "--golden-images") { Description = "Images whose FPGA calls become the golden vectors", DefaultValueFactory = _ => 2 }.InRange(1, 1000);
        var data = new Option<DirectoryInfo?>("--data", "--golden-data") { Description = "IDX directory whose test images to use (default: the shipped Fashion-MNIST when the shape fits, else random images)" };
        var seed = new Option<int>("--seed", "--golden-seed") { Description = "Seed of the random golden images", DefaultValueFactory = _ => 1 };
        var templates = new Option<DirectoryInfo?>("--hls-templates") { Description = "hls-templates folder to use (default: the repository's, else the copy built into quasar)" };
        var force = new Option<bool>("--force") { Description = "In a project generated before (it holds quasar-project.json): overwrite generated files you edited, and files in their places; a folder of other files is never overwritten" };
        var calibration = CalibrationOption.Create();
        var command = new Command("generate", "Generate the Vitis HLS project (engine, testbench, golden vectors, Tcl/cfg/Makefile) for an IR package")
        {
            package, output, platform, space, engine, maxReduction, maxRows, images, data, seed, templates, force, calibration,
        };
        command.SetAction(parse => CliErrors.Run(parse, () =>
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var loaded = LoadedPackage.Read(parse.GetRequiredValue(package).FullName);
            var spaceName = parse.GetValue(space) ?? loaded.Graph.Metadata.GetValueOrDefault("search_space")
                ?? throw new InvalidDataException($"{loaded.Directory} does not name its search space: give --space");
            var (goldenImages, imageSource) = GoldenImages.Load(loaded.Graph, parse.GetValue(data), parse.GetValue(images), parse.GetValue(seed));
            var sources = HlsSources.Locate(parse.GetValue(templates)?.FullName);
            var board = ConfigArguments.Platform(parse.GetRequiredValue(platform));
            var calibrated = CalibrationOption.Load(parse.GetValue(calibration), board);
            var request = new GenerateRequest(loaded, parse.GetRequiredValue(output).FullName, board,
                ConfigArguments.Space(spaceName),
                new EngineSizingOptions(Enum.Parse<EngineScope>(parse.GetRequiredValue(engine), ignoreCase: true), parse.GetValue(maxReduction), parse.GetValue(maxRows),
                    CalibrationOption.Resources(calibrated), CalibrationOption.Latency(calibrated, Hardware.Latency.LatencyParameters.Default)),
                goldenImages, parse.GetValue(force));
            var result = new ProjectGenerator(sources).Generate(request);
            Console.Write(Report(result, imageSource, sources.Description, started.Elapsed));
        }));
        return command;
    }

    public static string Report(GenerationResult result, string imageSource, string templates, TimeSpan total)
    {
        ArgumentNullException.ThrowIfNull(result);
        var ci = CultureInfo.InvariantCulture;
        var w = new System.Text.StringBuilder();
        w.AppendLine(ci, $"engine: {result.Engine.Config.Describe()}");
        w.AppendLine(ci, $"        sized {result.Engine.Sizing}; estimated {result.Engine.Resources}");
        w.AppendLine(ci, $"golden vectors: {result.GoldenCalls:N0} calls from {imageSource}");
        w.AppendLine(ci, $"templates: {templates}");
        var write = result.Write;
        w.AppendLine(ci, $"wrote {result.Files.Count} files + {ProjectManifest.FileName} to {result.ProjectDirectory} ({write.Created.Count} new, {write.Replaced.Count} replaced of which {write.Unchanged.Count} unchanged):");
        foreach (var file in result.Files) w.AppendLine(ci, $"  {file.Path,-40} {file.Bytes,12:N0} bytes");
        foreach (var path in write.OverwrittenEdits) w.AppendLine(ci, $"overwrote (--force): {path}");
        foreach (var path in write.RemovedStale) w.AppendLine(ci, $"removed (no longer generated): {path}");
        foreach (var path in write.KeptStale) w.AppendLine(ci, $"kept (no longer generated, but edited): {path}");
        foreach (var (step, elapsed) in result.Steps) w.AppendLine(ci, $"  {elapsed.TotalSeconds,7:0.000} s  {step}");
        w.AppendLine(ci, $"done in {total.TotalSeconds:0.00} s (including reading the package and the golden images)");
        return w.ToString();
    }

    private static Option<int?> Positive(string name, int max, string description) => new Option<int?>(name) { Description = description }.InRange(1, max);
}
