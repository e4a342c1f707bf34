using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Hardware.Latency;
using Quasar.HwGen.Hardware.Resources;

namespace Quasar.HwGen.Codegen.Engine;

/// <summary>How to choose the engine: the solver's choice for <paramref name="Scope"/>, with its buffer bounds optionally given explicitly.</summary>
/// <param name="MaxReduction">MAX_REDUCTION to build instead of the solver's (at least the package's longest k; at most <see cref="EngineConfig.MaxReductionLimit"/>).</param>
/// <param name="MaxRows">MAX_ROWS to build instead of the solver's (at least the package's widest per-row n; at most <see cref="EngineConfig.MaxRowsLimit"/>).</param>
/// <param name="Resources">The resource model's costs (null: the defaults; a calibration file's, docs/calibration.md).</param>
/// <param name="Latency">The latency model's parameters the solver times candidates with (null: the defaults).</param>
public sealed record EngineSizingOptions(EngineScope Scope = EngineScope.Subnet, int? MaxReduction = null, int? MaxRows = null,
    ResourceParameters? Resources = null, LatencyParameters? Latency = null)
{
    /// <summary>Every bound outside its range (<see cref="EngineConfig.CheckMaxReduction"/>, <see cref="EngineConfig.CheckMaxRows"/>); empty when usable.</summary>
    public IReadOnlyList<string> FindIssues()
    {
        var issues = new List<string>();
        if (!Enum.IsDefined(Scope)) issues.Add($"unknown engine scope {Scope}");
        if (MaxReduction is { } reduction && EngineConfig.CheckMaxReduction(reduction) is { } r) issues.Add(r);
        if (MaxRows is { } rows && EngineConfig.CheckMaxRows(rows) is { } n) issues.Add(n);
        return issues;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming every issue, if there is one.</summary>
    public void Validate()
    {
        var issues = FindIssues();
        if (issues.Count > 0) throw new ArgumentException("invalid engine sizing: " + string.Join("; ", issues));
    }
}
