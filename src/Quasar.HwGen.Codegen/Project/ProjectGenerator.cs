using System.Diagnostics;
using System.Reflection;
using System.Text;
using Quasar.HwGen.Codegen.Engine;
using Quasar.HwGen.Codegen.Golden;
using Quasar.HwGen.Codegen.Model;
using Quasar.HwGen.Codegen.Templates;
using Quasar.HwGen.Core.Execution.Kernel;

namespace Quasar.HwGen.Codegen.Project;

/// <summary>
/// IR package + platform → Vitis project folder (docs/hls-engine.md §5, docs/codegen.md), in named steps: map its FPGA ops to kernel calls and size the engine, record golden vectors through the C# emulation,
/// render the templates, and write everything (static headers, rendered files, golden vectors, quasar-project.json)
/// through a <see cref="ProjectWriter"/>.
/// </summary>
public sealed class ProjectGenerator
{
    /// <summary>The engine headers the generated top and testbench include.</summary>
    public static IReadOnlyList<string> RequiredHeaders { get; } = ["gemm_engine.h", "testbench.h"];

    private readonly HlsSources _sources;
    private readonly TemplateRenderer _renderer;

    public ProjectGenerator(HlsSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = sources;
        _renderer = new TemplateRenderer(sources.Templates);
    }

    /// <summary>Set by tests to interrupt the final renames.</summary>
    internal Action<string>? BeforeCommitFile { get; init; }

    public static string GeneratorVersion =>
        "quasar " + (typeof(ProjectGenerator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");

    public GenerationResult Generate(GenerateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var missing = RequiredHeaders.Where(h => !_sources.Headers.ContainsKey(h)).ToList();
        if (missing.Count > 0)
        {
            throw new CodegenException(
                $"the engine headers {string.Join(", ", missing)} are missing from {_sources.Description} ({HlsSources.HeadersFolder}/): "
                + "the generated project could not compile; build from a checkout that has them, or point --hls-templates at an hls-templates folder that does");
        }
        var steps = new List<(string, TimeSpan)>();
        var clock = Stopwatch.StartNew();
        void Step(string name)
        {
            steps.Add((name, clock.Elapsed));
            clock.Restart();
        }

        var graph = request.Package.Graph;
        var ops = KernelOpMapper.Map(graph);
        var engine = EngineSizing.Choose(graph, ops, request.Platform, request.Space, request.Engine);
        Step("map FPGA ops to kernel calls, size the engine");

        if (request.GoldenImages.Count == 0) throw new CodegenException("golden vectors need at least one image (generate --count)");
        var golden = GoldenRecorder.Record(graph, request.GoldenImages, engine.Config.Geometry);
        var goldenBytes = GoldenVectorWriter.ToBytes(golden);
        Step("record golden vectors (C# emulation)");

        var description = new ProjectDescription(graph.Name, graph.Metadata.GetValueOrDefault("subnet", "subnet not recorded"), request.Platform, engine,
            golden.Ops.Count, golden.Calls.Count, request.GoldenImages.Count, golden.LargestArrays());
        var model = TemplateModel.Build(description);
        var files = new List<ProjectFile>();
        foreach (var (name, bytes) in _sources.Headers.OrderBy(h => h.Key, StringComparer.Ordinal))
            files.Add(new ProjectFile($"{HlsSources.HeadersFolder}/{name}", bytes));
        foreach (var (template, output) in ProjectTemplates.For(request.Platform.Name))
            files.Add(new ProjectFile(output, Encoding.UTF8.GetBytes(_renderer.Render(template, model))));
        files.Add(new ProjectFile(TemplateModel.GoldenPath, goldenBytes));
        Step("render templates");

        var platform = request.Platform;
        var writer = new ProjectWriter { BeforeCommitFile = BeforeCommitFile };
        IReadOnlyList<ProjectFileEntry> entries = [];
        var write = writer.Write(request.OutputDirectory, files, written =>
        {
            entries = written;
            return new ProjectManifest(ProjectManifest.FormatName, ProjectManifest.CurrentVersion, GeneratorVersion, _sources.Description,
                request.Package.Directory, request.Package.Sha256, new ManifestPlatform(platform.Name, platform.Part, platform.VitisPlatform, platform.ClockMhz),
                ManifestEngine.From(engine), request.GoldenImages.Count, golden.Calls.Count, written);
        }, request.Force);
        Step("write the project");

        return new GenerationResult(Path.GetFullPath(request.OutputDirectory), engine, entries, write, golden.Calls.Count, steps);
    }
}
