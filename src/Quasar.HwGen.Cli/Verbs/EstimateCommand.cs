using System.CommandLine;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Hardware.Latency;
using Quasar.HwGen.Hardware.Resources;
using Quasar.HwGen.Hardware.Solver;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>`quasar estimate`: FPS, latency breakdown and resources of a subnet on an engine the solver picks.</summary>
public static class EstimateCommand
{
    public static Command Create()
    {
        var subnet = new Option<string>("--subnet") { Description = "Subnet YAML, or a sample name (quasar-s-like, quasar-l2-like, fashion-mnist.largest)", Required = true };
        var space = new Option<string?>("--space") { Description = "Search space YAML or sample name (default: the one the subnet names)" };
        var platform = new Option<string>("--platform") { Description = "Platform YAML or sample name", DefaultValueFactory = _ => "zcu102" };
        var engine = new Option<string>("--engine")
        {
            Description = "auto or space (default, as in `quasar generate` and the search): the engine for the subnet's whole search space; subnet: an engine sized for this subnet alone",
            DefaultValueFactory = _ => "auto",
        };
        engine.AcceptOnlyFromAmong([.. EstimateOptions.EngineChoices]);
        var dsp = Budget("--dsp-budget", ResourceKind.Dsp, "DSP48E2s");
        var lut = Budget("--lut-budget", ResourceKind.Lut, "LUTs");
        var ff = Budget("--ff-budget", ResourceKind.Ff, "flip-flops");
        var bram = Budget("--bram-budget", ResourceKind.Bram, "BRAM_18K blocks");
        var mode = new Option<ExecutionMode>("--mode")
        {
            Description = "Pipelined: two frames in flight (the calibrated default); Sequential: one frame at a time",
            DefaultValueFactory = _ => ExecutionMode.Pipelined,
        };
        var calibration = CalibrationOption.Create();
        var command = new Command("estimate", "Estimate FPS, latency breakdown and FPGA resources of a subnet (hardware model, docs/hardware-model.md)")
        {
            subnet, space, platform, engine, dsp, lut, ff, bram, mode, calibration,
        };
        command.SetAction(parse => CliErrors.Run(parse, () =>
        {
            var options = new EstimateOptions(parse.GetRequiredValue(subnet), parse.GetValue(space), parse.GetRequiredValue(platform),
                parse.GetRequiredValue(engine) == EstimateOptions.SubnetEngine ? EstimateOptions.SubnetEngine : EstimateOptions.SpaceEngine,
                parse.GetValue(dsp), parse.GetValue(lut), parse.GetValue(ff), parse.GetValue(bram), parse.GetValue(mode),
                parse.GetValue(calibration)?.FullName);
            Console.Write(Run(options));
        }));
        return command;
    }

    /// <summary>The report for <paramref name="options"/>; throws the solver's or the loader's errors.</summary>
    public static string Run(EstimateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (net, searchSpace) = ConfigArguments.Subnet(options.Subnet, options.Space);
        var board = ConfigArguments.Platform(options.Platform);
        var paper = ResourceBudget.Paper(board);
        var budget = new ResourceBudget(options.DspBudget ?? paper.Dsp, options.LutBudget ?? paper.Lut, options.FfBudget ?? paper.Ff, options.BramBudget ?? paper.Bram);
        var calibration = CalibrationOption.Load(options.Calibration is null ? null : new FileInfo(options.Calibration), board);
        var parameters = CalibrationOption.Latency(calibration, LatencyParameters.Default with { Mode = options.Mode });
        var resources = CalibrationOption.Resources(calibration);
        var solution = options.ForSubnetOnly
            ? EngineSolver.ForSubnet(board, net, searchSpace, budget, parameters, resources: resources)
            : EngineSolver.ForSpace(board, searchSpace, budget, parameters, resources: resources);
        string scope = options.ForSubnetOnly ? "sized for this subnet" : $"for the search space '{searchSpace.Name}'";
        string budgetNote = budget == paper ? "the paper's utilisation" : "given";
        string model = calibration is null ? "" : $", model calibrated by {options.Calibration}";
        return EstimateReport.Format(options.Subnet, net, searchSpace, board, solution, $"{scope}, budget {budgetNote}{model}");
    }

    private static Option<int?> Budget(string name, ResourceKind kind, string unit) =>
        new Option<int?>(name) { Description = $"{unit} the engine may use (default: the paper's utilisation of the platform)" }.InRange(1, ResourceBudget.MaxBudget(kind));
}
