using System.Text.Json;
using Quasar.HwGen.Codegen.Engine;
using Quasar.HwGen.Codegen.Golden;
using Quasar.HwGen.Codegen.Model;
using Quasar.HwGen.Codegen.Templates;
using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Hardware.Resources;

namespace Quasar.HwGen.Tests.Codegen;

/// <summary>
/// Golden files for the generated Tcl, hls_config.cfg, v++ cfg, Makefile, config header, top, testbench and README:
/// each case is a folder under Codegen/Golden/ with an input.json (fixed small model, platform, engine) and the
/// expected files under expected/. Set QUASAR_UPDATE_GOLDEN=1 to rewrite the expected files from the templates.
/// </summary>
[TestFixture]
public sealed class GoldenTemplateTests
{
    private static readonly JsonSerializerOptions InputOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private static readonly Dictionary<string, Lazy<Dictionary<string, string>>> Rendered = new(StringComparer.Ordinal);

    private static string GoldenRoot => Path.Combine(TestPaths.Root, "tests", "Quasar.HwGen.Tests", "Codegen", "Golden");

    private static bool Update => Environment.GetEnvironmentVariable("QUASAR_UPDATE_GOLDEN") == "1";

    public static IEnumerable<string> CaseNames() =>
        Directory.EnumerateDirectories(GoldenRoot)
            .Where(d => File.Exists(Path.Combine(d, "input.json")))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!;

    public static IEnumerable<TestCaseData> Cases() =>
        from name in CaseNames()
        from file in ProjectTemplates.For(ReadInput(name).Platform)
        select new TestCaseData(name, file.Output).SetName($"Golden {name}: {file.Output}");

    [TestCaseSource(nameof(Cases))]
    public void The_generated_file_matches_its_golden_copy(string caseName, string output)
    {
        var rendered = RenderCase(caseName)[output];
        var expectedPath = Path.Combine(GoldenRoot, caseName, "expected", output);
        if (Update)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
            File.WriteAllText(expectedPath, rendered);
            Assert.Pass($"rewrote {expectedPath}");
        }
        Assert.That(File.Exists(expectedPath), Is.True, $"{expectedPath} is missing: run the tests with QUASAR_UPDATE_GOLDEN=1 to write it, and review it");
        Assert.That(rendered, Is.EqualTo(File.ReadAllText(expectedPath)),
            $"{output} differs from {expectedPath}; if the change is intended, rerun with QUASAR_UPDATE_GOLDEN=1 and review the diff");
    }

    [TestCaseSource(nameof(CaseNames))]
    public void Every_golden_file_of_a_case_is_still_generated(string caseName)
    {
        var expected = Path.Combine(GoldenRoot, caseName, "expected");
        var golden = Directory.Exists(expected)
            ? Directory.EnumerateFiles(expected, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(expected, f).Replace('\\', '/'))
            : [];
        Assert.That(golden, Is.SubsetOf(RenderCase(caseName).Keys), "a golden file no template generates any more: delete it");
    }

    private static Dictionary<string, string> RenderCase(string caseName)
    {
        Lazy<Dictionary<string, string>>? lazy;
        lock (Rendered)
        {
            if (!Rendered.TryGetValue(caseName, out lazy)) Rendered[caseName] = lazy = new(() => Render(ReadInput(caseName)));
        }
        return lazy.Value;
    }

    private static Dictionary<string, string> Render(GoldenInput input)
    {
        var graph = CodegenFixtures.SmallGraph;
        var e = input.Engine;
        var config = new EngineConfig(e.DspUnits, e.PackingFactor, e.LutUnits, e.TileTokens, e.TileRows, e.TileReduction, e.MaxReduction, e.MaxRows, e.ClockMhz);
        Assert.That(config.FindIssues(), Is.Empty, "the golden case's engine must be valid");
        var golden = GoldenRecorder.Record(graph, CodegenFixtures.GoldenImages(input.GoldenImages), config.Geometry);
        var platform = CodegenFixtures.Zcu102 with { ClockMhz = e.ClockMhz };
        var description = new ProjectDescription(graph.Name, graph.Metadata["subnet"], platform,
            new EngineChoice(config, ResourceModel.Estimate(config).Total, input.Sizing),
            golden.Ops.Count, golden.Calls.Count, input.GoldenImages, golden.LargestArrays());
        var model = TemplateModel.Build(description);
        var renderer = new TemplateRenderer(HlsSources.FromDirectory(CodegenFixtures.RepositoryTemplates).Templates);
        return ProjectTemplates.For(platform.Name).ToDictionary(t => t.Output, t => renderer.Render(t.Template, model), StringComparer.Ordinal);
    }

    private static GoldenInput ReadInput(string caseName) =>
        JsonSerializer.Deserialize<GoldenInput>(File.ReadAllText(Path.Combine(GoldenRoot, caseName, "input.json")), InputOptions)
        ?? throw new InvalidDataException($"{caseName}/input.json is empty");

    private sealed record GoldenInput(string Description, int GoldenImages, string Platform, string Sizing, GoldenEngine Engine);

    private sealed record GoldenEngine(int DspUnits, int PackingFactor, int LutUnits, int TileTokens, int TileRows, int TileReduction, int MaxReduction, int MaxRows, double ClockMhz);
}
