using Quasar.HwGen.Hardware.Solver;
using Quasar.HwGen.Search.Results;

namespace Quasar.HwGen.Search;

/// <summary>The engine a search ran on, its result, and the files written.</summary>
public sealed record SearchJobResult(EngineSolution Engine, SearchResult Result, IReadOnlyList<string> Files);
