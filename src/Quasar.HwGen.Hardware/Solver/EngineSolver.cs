using System.Globalization;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Hardware.Constants;
using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Hardware.Latency;
using Quasar.HwGen.Hardware.Resources;

namespace Quasar.HwGen.Hardware.Solver;

/// <summary>
/// Picks the engine with the most throughput within a resource budget (docs/hardware-model.md §4): enumerates packing
/// factors, array shapes (PT tokens × TN rows × TK reduction, TN and TK in steps of 8) and token tiles, fills the array
/// with DSP units as far as the DSP budget goes and with LUT units beyond, drops what exceeds the budget, and keeps the
/// configuration whose workload runs fastest (ties: the smaller design).
/// </summary>
public static class EngineSolver
{
    /// <summary>Array rows and reduction lanes come in steps of this many.</summary>
    public const int ShapeStep = 8;

    /// <summary>The largest TN and TK tried.</summary>
    public const int MaxTileSide = 256;

    /// <summary>Tokens the array takes a cycle, tried.</summary>
    public static IReadOnlyList<int> TokensPerCycleChoices { get; } = [1, 2, 4];

    /// <summary>
    /// The engine for one subnet (the paper's model-adaptive designs): buffers for its own dims, throughput of it alone.
    /// </summary>
    public static EngineSolution ForSubnet(PlatformConfig platform, Subnet subnet, SearchSpace space, ResourceBudget? budget = null, LatencyParameters? parameters = null, double? minFps = null,
        ResourceParameters? resources = null)
    {
        ArgumentNullException.ThrowIfNull(subnet);
        ValidateConfigs(platform, space);
        subnet.Validate();
        return Solve(platform, space, [subnet], VitWorkload.MaxReduction(subnet, space), VitWorkload.MaxRows(subnet, space),
            budget, parameters, minFps, $"the subnet ({subnet.Summary(space)})", resources);
    }

    /// <summary>
    /// One engine for every subnet of <paramref name="space"/> (one bitstream for a whole search): buffers for the
    /// space's largest dims, throughput over <see cref="RepresentativeSubnets"/>. A target is checked on the smallest subnet.
    /// </summary>
    public static EngineSolution ForSpace(PlatformConfig platform, SearchSpace space, ResourceBudget? budget = null, LatencyParameters? parameters = null, double? minFps = null,
        ResourceParameters? resources = null)
    {
        ValidateConfigs(platform, space);
        var largest = Subnet.Largest(space);
        return Solve(platform, space, RepresentativeSubnets(space), VitWorkload.MaxReduction(largest, space), VitWorkload.MaxRows(largest, space),
            budget, parameters, minFps, $"the smallest subnet of '{space.Name}'", resources);
    }

    /// <summary>The smallest, a middle and the largest uniform subnet of the space: what a space's engine is tuned for.</summary>
    public static IReadOnlyList<Subnet> RepresentativeSubnets(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var c = space.Choices;
        static T Middle<T>(IReadOnlyList<T> values) => values.Order().ElementAt(values.Count / 2);
        return [Subnet.Smallest(space), Subnet.Uniform(space, Middle(c.EmbedDims), Middle(c.Depths), Middle(c.Heads), Middle(c.MlpRatios), Middle(c.Row8BitRatios)), Subnet.Largest(space)];
    }

    /// <summary>Every configuration the solver considers for a workload of <paramref name="tokens"/> tokens, before the budget.</summary>
    public static IEnumerable<EngineConfig> Candidates(PlatformConfig platform, int tokens, int maxReduction, int maxRows, int dspBudget)
    {
        ArgumentNullException.ThrowIfNull(platform);
        foreach (int packing in new[] { PaperConstants.Packing3UnitsPerDsp, PaperConstants.Packing4UnitsPerDsp })
        {
            foreach (int pt in TokensPerCycleChoices)
            {
                if (packing == PaperConstants.Packing4UnitsPerDsp && pt % 2 != 0) continue;
                var tokenTiles = Enumerable.Range(1, 4).Select(parts => RoundUp(CeilDiv(tokens, parts), pt)).Distinct().ToList();
                for (int tn = ShapeStep; tn <= MaxTileSide; tn += ShapeStep)
                {
                    int arrayDsps = dspBudget - Zcu102Constants.DspsPerInt32Multiply * tn;
                    if (arrayDsps < 0) break;
                    for (int tk = ShapeStep; tk <= MaxTileSide; tk += ShapeStep)
                    {
                        int units = pt * tn * tk;
                        // long: a budget far beyond the device must not wrap arrayDsps × packing to a negative count.
                        int dspUnits = (int)Math.Min(Math.Min(units, (long)arrayDsps * packing) / packing * packing, EngineConfig.PackableUnits(packing, pt, tn, tk));
                        foreach (int tm in tokenTiles)
                            yield return new EngineConfig(dspUnits, packing, units - dspUnits, tm, tn, tk, maxReduction, maxRows, platform.ClockMhz);
                    }
                }
            }
        }
    }

    private static EngineSolution Solve(PlatformConfig platform, SearchSpace space, IReadOnlyList<Subnet> workload, int maxReduction, int maxRows,
        ResourceBudget? budget, LatencyParameters? parameters, double? minFps, string targetSubnetName, ResourceParameters? resourceParameters)
    {
        ArgumentNullException.ThrowIfNull(platform);
        budget ??= ResourceBudget.Paper(platform);
        budget.Validate();
        int tried = 0, admitted = 0;
        EngineConfig? best = null;
        ResourceEstimate? bestResources = null;
        LatencyModel? bestModel = null;
        double bestSeconds = double.PositiveInfinity, bestSize = double.PositiveInfinity;
        var minimum = new double[ResourceBudget.Kinds.Count];
        var minimumEstimate = new ResourceEstimate?[ResourceBudget.Kinds.Count];
        Array.Fill(minimum, double.PositiveInfinity);

        foreach (var engine in Candidates(platform, space.TokenCount, maxReduction, maxRows, Math.Max(budget.Dsp, 0)))
        {
            tried++;
            var resources = ResourceModel.Estimate(engine, resourceParameters);
            var total = resources.Total;
            for (int i = 0; i < ResourceBudget.Kinds.Count; i++)
            {
                if (total[ResourceBudget.Kinds[i]] < minimum[i])
                {
                    minimum[i] = total[ResourceBudget.Kinds[i]];
                    minimumEstimate[i] = resources;
                }
            }
            if (!budget.Admits(total)) continue;
            admitted++;
            var model = new LatencyModel(platform, engine, parameters);
            double seconds = workload.Sum(subnet => model.Seconds(subnet, space));
            double size = ResourceBudget.Kinds.Max(kind => budget.Share(total, kind));
            if (seconds < bestSeconds * (1 - 1e-12) || (seconds <= bestSeconds * (1 + 1e-12) && size < bestSize))
            {
                (best, bestResources, bestModel, bestSeconds, bestSize) = (engine, resources, model, seconds, size);
            }
        }

        if (best is null || bestResources is null || bestModel is null)
            throw NoEngineFits(budget, minimum, minimumEstimate, maxReduction);

        var binding = budget.Tightest(bestResources.Total);
        var solution = new EngineSolution(best, bestResources, budget, binding, bestModel, tried, admitted);
        if (minFps is { } target)
        {
            var slowest = workload[0];
            double fps = bestModel.FramesPerSecond(slowest, space);
            if (fps < target)
            {
                var ci = CultureInfo.InvariantCulture;
                throw new InfeasibleEngineException(string.Create(ci,
                    $"the best engine within the budget reaches {fps:0.0} FPS on {targetSubnetName}, short of the {target:0.0} FPS target: the {ResourceBudget.Name(binding)} budget binds ({bestResources.Total[binding]:N0} of {budget[binding]:N0} {ResourceBudget.Unit(binding)} used); raise {ResourceBudget.OptionName(binding)}, lower the target or choose a smaller subnet"),
                    binding);
            }
        }
        return solution;
    }

    /// <summary>Config problems are ConfigExceptions naming the field, before any size is computed from the configs.</summary>
    private static void ValidateConfigs(PlatformConfig platform, SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(space);
        platform.Validate();
        space.Validate();
    }

    private static InfeasibleEngineException NoEngineFits(ResourceBudget budget, double[] minimum, ResourceEstimate?[] minimumEstimate, int maxReduction)
    {
        var ci = CultureInfo.InvariantCulture;
        // A resource whose smallest possible use exceeds its budget binds on its own.
        int worst = Enumerable.Range(0, minimum.Length).MaxBy(i => minimum[i] / Math.Max(budget[ResourceBudget.Kinds[i]], 1e-9));
        var kind = ResourceBudget.Kinds[worst];
        var estimate = minimumEstimate[worst];
        if (estimate is null)
        {
            int smallest = Zcu102Constants.DspsPerInt32Multiply * ShapeStep;
            return new InfeasibleEngineException(string.Create(ci,
                $"no engine fits the budget: the DSP budget of {budget.Dsp:N0} DSP48E2s cannot hold even the smallest output stage ({ShapeStep} lanes × {Zcu102Constants.DspsPerInt32Multiply} DSPs = {smallest}) and a PE array: raise {ResourceBudget.OptionName(ResourceKind.Dsp)}"),
                ResourceKind.Dsp);
        }
        var largest = estimate.LargestUserOf(kind);
        string alone = minimum[worst] > budget[kind]
            ? string.Create(ci, $"cannot hold even the smallest engine for K ≤ {maxReduction:N0}, whose {largest.Name} alone needs {largest.Usage[kind]:N0} (the engine {estimate.Total[kind]:N0})")
            : string.Create(ci, $"is too small together with the other budgets; the smallest engine needs {estimate.Total[kind]:N0}, its {largest.Name} {largest.Usage[kind]:N0}");
        return new InfeasibleEngineException(string.Create(ci,
            $"no engine fits the budget: the {ResourceBudget.Name(kind)} budget of {budget[kind]:N0} {ResourceBudget.Unit(kind)} {alone}: raise {ResourceBudget.OptionName(kind)} or choose a search space with smaller dims"),
            kind);
    }

    private static int CeilDiv(int a, int b) => (a + b - 1) / b;

    private static int RoundUp(int value, int multiple) => CeilDiv(value, multiple) * multiple;
}
