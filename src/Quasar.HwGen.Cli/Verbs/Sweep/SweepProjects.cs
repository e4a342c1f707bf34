using Quasar.HwGen.Codegen.Engine;
using Quasar.HwGen.Codegen.Project;
using Quasar.HwGen.Codegen.Templates;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Hardware.Latency;

namespace Quasar.HwGen.Cli.Verbs.Sweep;

/// <summary>
/// Generates a sweep's projects into designs/&lt;name&gt;/, each as `quasar generate --package P --engine E
/// [--max-reduction K] [--max-rows N]` would (two golden images from the shipped data or random), skipping those
/// already generated for the same design; a design changed since (with --force) loses its old Vitis outputs and log.
/// </summary>
internal static class SweepProjects
{
    public static int Generate(SweepLayout layout, SweepConfig config, IReadOnlyList<SweepTask> tasks, IReadOnlySet<string> changed, bool force)
    {
        var platformPath = Path.Combine(config.Directory, config.Platform);
        var board = ConfigArguments.Platform(File.Exists(platformPath) ? platformPath : config.Platform);
        HlsSources? sources = null;
        int generated = 0;
        foreach (var task in tasks)
        {
            var design = task.Design;
            var project = layout.Project(design.Name);
            if (File.Exists(Path.Combine(project, ProjectManifest.FileName)) && !changed.Contains(design.Name)) continue;
            if (changed.Contains(design.Name)) RemoveRunOf(project, layout.Log(task.Index));
            Console.Error.WriteLine($"generating {layout.Relative(project)}: {design.Source} with the {design.Engine} engine");
            try
            {
                var package = design.Subnet is { } subnet ? SweepLowering.Lower(subnet, layout.Package(design.Name)) : design.Package;
                Generate(design, package, project, board, sources ??= HlsSources.Locate(null), force);
            }
            catch (Exception e) when (Errors.CliErrors.ExitCodeOf(e) == Errors.ExitCodes.BadInput)
            {
                // Which design of the file: the generator's message names the package and the engine's limits, not the entry.
                throw new InvalidDataException($"{config.Source}: design '{design.Name}': {e.Message}", e);
            }
            generated++;
        }
        return generated;
    }

    /// <summary>
    /// A design regenerated with --force: the reports Vitis left (prj/, work/) and its task's log are of the old
    /// definition, and would make the new one look done.
    /// </summary>
    private static void RemoveRunOf(string project, string log)
    {
        foreach (var folder in new[] { "prj", "work" }.Select(f => Path.Combine(project, f)).Where(Directory.Exists)) Directory.Delete(folder, recursive: true);
        File.Delete(log);
    }

    private static void Generate(SweepDesign design, string package, string project, PlatformConfig board, HlsSources sources, bool force)
    {
        var loaded = LoadedPackage.Read(package);
        var spaceName = loaded.Graph.Metadata.GetValueOrDefault("search_space")
            ?? throw new InvalidDataException($"{package} does not name its search space; lower it again with quasar lower");
        var (images, _) = GoldenImages.Load(loaded.Graph, null, 2, 1);
        var sizing = new EngineSizingOptions(Enum.Parse<EngineScope>(design.Engine, ignoreCase: true), design.MaxReduction, design.MaxRows,
            CalibrationOption.Resources(null), CalibrationOption.Latency(null, LatencyParameters.Default));
        new ProjectGenerator(sources).Generate(new GenerateRequest(loaded, project, board, ConfigArguments.Space(spaceName), sizing, images, force));
    }
}
