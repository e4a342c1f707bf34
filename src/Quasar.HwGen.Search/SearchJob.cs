using System.Globalization;
using System.Text;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.IO;
using Quasar.HwGen.Hardware.Latency;
using Quasar.HwGen.Hardware.Resources;
using Quasar.HwGen.Hardware.Solver;
using Quasar.HwGen.Search.Evolution;
using Quasar.HwGen.Search.Output;
using Quasar.HwGen.Search.Results;
using Quasar.HwGen.Search.State;

namespace Quasar.HwGen.Search;

/// <summary>
/// A whole search as the `quasar search` verb runs it: solve one engine for the space within the budget, run the
/// evolution (state in <see cref="StatePath"/>, resumable), and write the results and a description of the engine to
/// <see cref="OutputDirectory"/>. The verb only parses options and supplies the accuracy evaluator.
/// </summary>
public sealed record SearchJob(SearchSpace Space, PlatformConfig Platform, SearchOptions Options, string OutputDirectory, ResourceBudget? Budget = null, LatencyParameters? Latency = null,
    ResourceParameters? Resources = null)
{
    public const string StateFileName = "search-state.json";

    public const string EngineFileName = "engine.txt";

    public string StatePath => Path.Combine(OutputDirectory, StateFileName);

    /// <summary>The engine every candidate is timed on: the solver's choice for the space.</summary>
    public EngineSolution SolveEngine() => EngineSolver.ForSpace(Platform, Space, Budget, Latency, resources: Resources);

    /// <summary>True when <see cref="StatePath"/> holds the state of this very search (same settings, engine and accuracy source).</summary>
    public bool CanResume(IAccuracyEvaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        if (!File.Exists(StatePath)) return false;
        var search = new EvolutionarySearch(Space, SolveEngine().Model, evaluator, Options);
        try
        {
            return SearchStateFile.Read(StatePath).Fingerprint == search.Fingerprint;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    public SearchJobResult Run(IAccuracyEvaluator evaluator, bool resume = false, IProgress<SearchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        var engine = SolveEngine();
        Directory.CreateDirectory(OutputDirectory);
        var search = new EvolutionarySearch(Space, engine.Model, evaluator, Options);
        var result = search.Run(StatePath, resume, progress, cancellationToken);
        var files = new List<string>(SearchOutputWriter.Write(OutputDirectory, result, Space));
        var enginePath = Path.Combine(OutputDirectory, EngineFileName);
        AtomicFile.WriteAllText(enginePath, Describe(engine));
        files.Add(enginePath);
        return new SearchJobResult(engine, result, files);
    }

    private string Describe(EngineSolution engine)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"platform: {Platform.Name} ({Platform.Part})");
        text.AppendLine(CultureInfo.InvariantCulture, $"engine for '{Space.Name}': {engine.Engine.Describe()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"resources: {engine.Resources.Total} of {engine.Budget}; {ResourceBudget.Name(engine.Binding)} binds");
        text.AppendLine(CultureInfo.InvariantCulture, $"latency model: {engine.Model.Parameters}");
        text.AppendLine(CultureInfo.InvariantCulture, $"search: {Options.Describe()}");
        return text.ToString();
    }
}
