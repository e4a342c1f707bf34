using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Hardware.Solver;

namespace Quasar.HwGen.Codegen.Engine;

/// <summary>
/// Chooses the engine to generate: the engine solver's choice (as `quasar estimate` makes it, within the paper's
/// utilisation of the platform) for the package's subnet or for its whole search space, optionally with explicit
/// buffer bounds; then checks that it runs every call of the package and fits the board.
/// </summary>
public static class EngineSizing
{
    public static EngineChoice Choose(IrGraph graph, IReadOnlyList<KernelOp> ops, PlatformConfig platform, SearchSpace space, EngineSizingOptions options)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(ops);
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var solution = options.Scope == EngineScope.Subnet
            ? EngineSolver.ForSubnet(platform, SubnetRecovery.Recover(graph, space), space, parameters: options.Latency, resources: options.Resources)
            : EngineSolver.ForSpace(platform, space, parameters: options.Latency, resources: options.Resources);
        var solved = options.Scope == EngineScope.Tiny ? TinyEngine.Of(solution.Engine) : solution.Engine;
        var engine = solved with
        {
            MaxReduction = options.MaxReduction ?? solution.Engine.MaxReduction,
            MaxRows = options.MaxRows ?? solution.Engine.MaxRows,
        };
        EngineFit.ThrowIfCannotRun(ops, engine);
        var usage = EngineFit.ThrowIfTooBig(engine, platform, options.Resources);
        string sizing = options.Scope switch
        {
            EngineScope.Subnet => $"by the engine solver for this subnet on the {platform.Name}",
            EngineScope.Tiny => $"tiny: the {platform.Name} engine of the search space '{space.Name}' with a {engine.TokensPerCycle}×{engine.TileRows}×{engine.TileReduction} array, to validate the structure in csynth and cosim; not a design to deploy",
            _ => $"by the engine solver for every subnet of the search space '{space.Name}' on the {platform.Name}",
        };
        if (options.MaxReduction is not null || options.MaxRows is not null) sizing += ", buffer bounds given explicitly";
        return new EngineChoice(engine, usage, sizing);
    }
}
