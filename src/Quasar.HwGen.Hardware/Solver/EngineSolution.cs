using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Hardware.Latency;
using Quasar.HwGen.Hardware.Resources;

namespace Quasar.HwGen.Hardware.Solver;

/// <summary>
/// The engine the solver chose, its resources against the budget, the resource that binds (the one closest to its
/// budget), and a latency model of it ready for estimates.
/// </summary>
public sealed record EngineSolution(EngineConfig Engine, ResourceEstimate Resources, ResourceBudget Budget, ResourceKind Binding, LatencyModel Model, int CandidatesTried, int CandidatesWithinBudget)
{
    public double FramesPerSecond(Subnet subnet, SearchSpace space) => Model.FramesPerSecond(subnet, space);

    public double Share(ResourceKind kind) => Budget.Share(Resources.Total, kind);
}
