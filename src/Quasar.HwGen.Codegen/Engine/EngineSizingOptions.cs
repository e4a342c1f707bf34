namespace Quasar.HwGen.Codegen.Engine;

/// <summary>How to choose the engine: the solver's choice for <paramref name="Scope"/>, with its buffer bounds optionally given explicitly.</summary>
/// <param name="MaxReduction">MAX_REDUCTION to build instead of the solver's (at least the package's longest k).</param>
/// <param name="MaxRows">MAX_ROWS to build instead of the solver's (at least the package's widest per-row n).</param>
public sealed record EngineSizingOptions(EngineScope Scope = EngineScope.Subnet, int? MaxReduction = null, int? MaxRows = null);
