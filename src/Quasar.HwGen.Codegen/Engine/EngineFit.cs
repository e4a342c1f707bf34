using System.Globalization;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Hardware.Resources;

namespace Quasar.HwGen.Codegen.Engine;

/// <summary>
/// Refuses an engine that cannot run the package (a call with k &gt; MAX_REDUCTION, or n &gt; MAX_ROWS with per-row
/// tables: the kernel would return status 1 or 2) or that does not fit the board; each message names the field and the fix.
/// </summary>
public static class EngineFit
{
    public static void ThrowIfCannotRun(IReadOnlyList<KernelOp> ops, EngineConfig engine)
    {
        ArgumentNullException.ThrowIfNull(ops);
        ArgumentNullException.ThrowIfNull(engine);
        var ci = CultureInfo.InvariantCulture;
        var problems = new List<string>();
        var longest = ops.Where(op => op.Call.K > engine.MaxReduction).MaxBy(op => op.Call.K);
        if (longest is not null)
        {
            int count = ops.Count(op => op.Call.K > engine.MaxReduction);
            problems.Add(string.Create(ci,
                $"MAX_REDUCTION = {engine.MaxReduction} is shorter than k = {longest.Call.K} of '{longest.Name}' ({count} op(s) exceed it): raise --max-reduction to at least {longest.Call.K}, or size the engine for this package (--engine subnet) or its search space (--engine space)"));
        }
        var widest = ops.Where(op => !op.Call.PerTensor && op.Call.N > engine.MaxRows).MaxBy(op => op.Call.N);
        if (widest is not null)
        {
            int count = ops.Count(op => !op.Call.PerTensor && op.Call.N > engine.MaxRows);
            problems.Add(string.Create(ci,
                $"MAX_ROWS = {engine.MaxRows} is fewer than the n = {widest.Call.N} output rows of '{widest.Name}' ({count} op(s) exceed it): raise --max-rows to at least {widest.Call.N}, or size the engine for this package (--engine subnet) or its search space (--engine space)"));
        }
        if (problems.Count > 0) throw new CodegenException($"the engine cannot run this package: {string.Join("; ", problems)}");
    }

    /// <summary>The engine's estimated resources; throws when a resource exceeds what <paramref name="platform"/> has.</summary>
    public static ResourceUsage ThrowIfTooBig(EngineConfig engine, PlatformConfig platform, ResourceParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(platform);
        var issues = engine.FindIssues();
        if (issues.Count > 0) throw new CodegenException($"the engine configuration is invalid: {string.Join("; ", issues)}");
        var usage = ResourceModel.Estimate(engine, parameters).Total;
        var board = ResourceBudget.Fraction(platform, 1, 1, 1, 1);
        var over = ResourceBudget.Kinds.Where(kind => usage[kind] > board[kind]).ToList();
        if (over.Count > 0)
        {
            var ci = CultureInfo.InvariantCulture;
            var parts = over.Select(kind => string.Create(ci, $"{usage[kind]:N0} {ResourceBudget.Unit(kind)} of the {board[kind]:N0} the {platform.Name} has"));
            throw new CodegenException(
                $"the design does not fit the {platform.Name}: it needs {string.Join(", ", parts)} ({engine.Describe()}): lower --max-reduction / --max-rows, or let the solver size the engine (drop them)");
        }
        return usage;
    }
}
