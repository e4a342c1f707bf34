using System.Globalization;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Hardware.Constants;
using Quasar.HwGen.Hardware.Kernel;
using Quasar.HwGen.Hardware.Resources;
using static Quasar.HwGen.Hardware.Calibration.CalibrationConstants;

namespace Quasar.HwGen.Hardware.Calibration;

/// <summary>
/// Fits the model's estimated constants to csynth and cosim reports of generated designs (docs/calibration.md).
/// Resources: the kernel's model LUTs and FFs (the estimate without the platform shell) are linear in the costs, so
/// each cost's count in each design is read off the model and the costs are fitted by least squares on the relative
/// error against the reported figures; a cost is fitted only when the designs tell it apart from those before it in
/// <see cref="LutCandidates"/> / <see cref="FfCandidates"/> and there are designs enough. Latency: η by least squares on
/// the relative error of the model's average call latency (<see cref="KernelCycles"/> over the golden calls) against
/// cosim's.
/// </summary>
public static class ReportCalibration
{
    /// <summary>The LUT costs fitted, in the order they are taken: the design-independent part first, then the per-lane one.</summary>
    public static IReadOnlyList<string> LutCandidates { get; } = [ControlLuts, OutputLaneLuts];

    /// <summary>The FF costs fitted, in the order they are taken.</summary>
    public static IReadOnlyList<string> FfCandidates { get; } = [ControlFfs, OutputLaneFfs, DspUnitFfs, LutUnitFfs];

    /// <summary>What each fitted cost is counted per, for the reasons a cost was not fitted.</summary>
    private static readonly Dictionary<string, string> CountedPer = new(StringComparer.Ordinal)
    {
        [ControlLuts] = "one per design",
        [ControlFfs] = "one per design",
        [OutputLaneLuts] = "TN, the output lanes",
        [OutputLaneFfs] = "TN, the output lanes",
        [DspUnitFfs] = "the DSP units",
        [LutUnitFfs] = "the LUT units",
    };

    /// <summary>The costs that no kernel report can identify, and why.</summary>
    public static IReadOnlyList<string> NeverIdentified { get; } =
    [
        $"{AxiMasterLuts}, {ControlPortLuts}, {AxiMasterFfs}, {ControlPortFfs}: the same in every design, so a report cannot tell them from {ControlLuts} / {ControlFfs}, which absorb them; held at their defaults",
        $"{PlatformShellLuts}, {PlatformShellFfs}: the platform's logic is not in the kernel's csynth report (a Vivado report of the linked design holds it)",
    ];

    public static ReportFit Fit(IReadOnlyList<ReportObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (observations.Count == 0) throw new ArgumentException("calibration needs at least one report", nameof(observations));
        var constants = new List<CalibratedConstant>();
        var notFitted = new List<string>();
        var synthesized = observations.Where(o => o.Csynth is not null).ToList();
        var resources = ResourceParameters.Default;
        if (synthesized.Count == 0)
        {
            notFitted.Add("the resource costs: no csynth report");
        }
        else
        {
            resources = FitCosts(synthesized, ResourceKind.Lut, LutCandidates, resources, constants, notFitted);
            resources = FitCosts(synthesized, ResourceKind.Ff, FfCandidates, resources, constants, notFitted);
        }
        notFitted.AddRange(NeverIdentified);
        double? efficiency = FitEfficiency(observations, constants, notFitted);
        return new ReportFit(resources, efficiency, constants, notFitted, Residuals(observations, resources, efficiency ?? ModelConstants.ArrayEfficiency));
    }

    private static ResourceParameters FitCosts(IReadOnlyList<ReportObservation> designs, ResourceKind kind, IReadOnlyList<string> names,
        ResourceParameters start, List<CalibratedConstant> constants, List<string> notFitted)
    {
        var ci = CultureInfo.InvariantCulture;
        var reported = designs.Select(d => d.Csynth!.Value[kind]).ToArray();
        if (reported.Any(r => !(r > 0)))
        {
            notFitted.Add($"{string.Join(", ", names)}: a report gives 0 {ResourceBudget.Name(kind)}s");
            return start;
        }
        var model = designs.Select(d => ResourceModel.Estimate(d.Engine, start).Kernel[kind]).ToArray();
        // Relative errors: each design's row divided by its reported figure.
        var target = reported.Select((r, i) => (r - model[i]) / r).ToArray();
        var columns = names.Select(name => designs.Select((d, i) =>
            (ResourceModel.Estimate(d.Engine, With(start, name, Get(start, name) + 1)).Kernel[kind] - model[i]) / reported[i]).ToArray()).ToList();
        var (taken, solution, leftOut) = LeastSquares.Solve(columns, target, designs.Count);
        var fitted = start;
        for (int t = 0; t < taken.Count; t++)
        {
            string name = names[taken[t]];
            double value = Get(start, name) + solution[t];
            if (!(value >= 0))
            {
                throw new InvalidDataException(string.Create(ci,
                    $"the reports make {name} {value:0.##}, below 0: their {ResourceBudget.Name(kind)}s do not follow the model's structure (are they of these projects' engines?)"));
            }
            fitted = With(fitted, name, value);
            constants.Add(new CalibratedConstant(name, Default(name), value));
        }
        var takenNames = taken.Select(t => names[t]).ToList();
        foreach (var (index, dependent) in leftOut.OrderBy(l => l.Key))
        {
            string name = names[index];
            notFitted.Add(dependent
                ? $"{name}: counted per {CountedPer[name]}, which these designs do not vary apart from {(takenNames.Count == 0 ? "nothing" : string.Join(", ", takenNames))}; add reports of designs that differ in it"
                : string.Create(ci, $"{name}: {designs.Count} design(s) identify at most {designs.Count} {ResourceBudget.Name(kind)} cost(s); add reports of more engine shapes"));
        }
        return fitted;
    }

    private static double? FitEfficiency(IReadOnlyList<ReportObservation> observations, List<CalibratedConstant> constants, List<string> notFitted)
    {
        var simulated = observations.Where(o => o.Cosim is { Calls.Count: > 0 }).ToList();
        if (simulated.Count == 0)
        {
            notFitted.Add($"{ArrayEfficiency}: no cosim report with golden calls");
            return null;
        }
        if (simulated.All(o => Math.Abs(MeanCycles(o, 0.5) - MeanCycles(o, 1)) <= 1e-12 * MeanCycles(o, 1)))
        {
            notFitted.Add($"{ArrayEfficiency}: no simulated call is bound by the array's streaming, so cosim's latency does not depend on it");
            return null;
        }
        double Error(double efficiency) => simulated.Sum(o => Math.Pow(MeanCycles(o, efficiency) / o.Cosim!.AverageCycles - 1, 2));
        const double step = 0.01;
        double best = 1;
        for (int i = 1; i <= 100; i++)
        {
            if (Error(i * step) < Error(best)) best = i * step;
        }
        double low = Math.Max(step, best - step), high = Math.Min(1, best + step);
        double ratio = (Math.Sqrt(5) - 1) / 2;
        for (int i = 0; i < 80 && high - low > 1e-12; i++)
        {
            double a = high - ratio * (high - low), b = low + ratio * (high - low);
            if (Error(a) <= Error(b)) high = b;
            else low = a;
        }
        double fitted = Math.Min(1, (low + high) / 2);
        if (Error(best) < Error(fitted)) fitted = best;
        constants.Add(new CalibratedConstant(ArrayEfficiency, ModelConstants.ArrayEfficiency, fitted));
        return fitted;
    }

    private static double MeanCycles(ReportObservation o, double efficiency) =>
        o.Cosim!.Calls.Average(call => KernelCycles.ForCall(o.Engine, call, efficiency).Total);

    private static List<CalibrationResidual> Residuals(IReadOnlyList<ReportObservation> observations, ResourceParameters resources, double efficiency)
    {
        var residuals = new List<CalibrationResidual>();
        foreach (var o in observations)
        {
            if (o.Csynth is { } reported)
            {
                var model = ResourceModel.Estimate(o.Engine, resources).Kernel;
                residuals.Add(new(o.Name, "lut", model.Lut, reported.Lut));
                residuals.Add(new(o.Name, "ff", model.Ff, reported.Ff));
                residuals.Add(new(o.Name, "dsp", model.Dsp, reported.Dsp));
                residuals.Add(new(o.Name, "bram_18k", model.Bram, reported.Bram));
            }
            if (o.Cosim is { Calls.Count: > 0 } cosim)
            {
                var cycles = cosim.Calls.Select(call => KernelCycles.ForCall(o.Engine, call, efficiency).Total).ToList();
                if (cosim.MinCycles is double min) residuals.Add(new(o.Name, "cosim_latency_min", cycles.Min(), min));
                residuals.Add(new(o.Name, "cosim_latency_avg", cycles.Average(), cosim.AverageCycles));
                if (cosim.MaxCycles is double max) residuals.Add(new(o.Name, "cosim_latency_max", cycles.Max(), max));
            }
        }
        return residuals;
    }
}
