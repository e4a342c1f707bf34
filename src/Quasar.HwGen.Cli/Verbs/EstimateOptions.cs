using Quasar.HwGen.Hardware.Latency;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>What `quasar estimate` works on; null budgets mean the paper's utilisation of the platform.</summary>
/// <param name="Engine">"space": the engine for the subnet's whole search space (one bitstream, what a search uses);
/// "subnet": an engine sized for this subnet alone (the paper's model-adaptive design).</param>
/// <param name="Calibration">A calibration file of `quasar calibrate` whose constants replace the model's defaults; null: the defaults.</param>
public sealed record EstimateOptions(
    string Subnet,
    string? Space = null,
    string Platform = "zcu102",
    string Engine = EstimateOptions.SpaceEngine,
    int? DspBudget = null,
    int? LutBudget = null,
    int? FfBudget = null,
    int? BramBudget = null,
    ExecutionMode Mode = ExecutionMode.Pipelined,
    string? Calibration = null)
{
    public const string SpaceEngine = "space";
    public const string SubnetEngine = "subnet";

    /// <summary>The engine choices; "auto" is "space".</summary>
    public static IReadOnlyList<string> EngineChoices { get; } = ["auto", SpaceEngine, SubnetEngine];

    public bool ForSubnetOnly => Engine == SubnetEngine;
}
