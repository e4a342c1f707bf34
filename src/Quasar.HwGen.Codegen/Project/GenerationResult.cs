using Quasar.HwGen.Codegen.Engine;

namespace Quasar.HwGen.Codegen.Project;

/// <summary>The outcome of a generation: where, the engine, the files written and the time each step took.</summary>
public sealed record GenerationResult(
    string ProjectDirectory,
    EngineChoice Engine,
    IReadOnlyList<ProjectFileEntry> Files,
    ProjectWriteResult Write,
    int GoldenCalls,
    IReadOnlyList<(string Step, TimeSpan Elapsed)> Steps)
{
    public TimeSpan Total => Steps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Elapsed);
}
