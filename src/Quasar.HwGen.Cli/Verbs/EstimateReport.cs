using System.Globalization;
using System.Text;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Hardware.Latency;
using Quasar.HwGen.Hardware.Resources;
using Quasar.HwGen.Hardware.Solver;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>The text `quasar estimate` prints: FPS, the latency by op type, by layer and by op, and the resources.</summary>
public static class EstimateReport
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    public static string Format(string subnetName, Subnet subnet, SearchSpace space, PlatformConfig platform, EngineSolution solution, string engineScope)
    {
        var estimate = solution.Model.Estimate(subnet, space);
        var text = new StringBuilder();
        text.AppendLine(Ci, $"subnet    {subnetName} ('{space.Name}'): {subnet.Summary(space)}");
        text.AppendLine(Ci, $"platform  {platform.Name} ({platform.Part}) at {platform.ClockMhz:0.#} MHz, DDR {platform.Ddr.SustainedGBPerSecond:0.##} GB/s sustained, {platform.Host.Cores} × {platform.Host.Cpu} at {platform.Host.ClockGhz:0.###} GHz");
        text.AppendLine(Ci, $"engine    {engineScope}: {solution.Engine.Describe()}");
        text.AppendLine();
        double fps = estimate.FramesPerSecond;
        string how = estimate.Mode == ExecutionMode.Pipelined
            ? string.Create(Ci, $"two frames in flight: FPGA busy {Ms(estimate.FpgaBusySeconds)} ms, host busy {Ms(estimate.HostBusySeconds)} ms a frame; one frame at a time: {1 / estimate.Seconds:0.0} FPS")
            : "one frame at a time";
        text.AppendLine(Ci, $"FPS       {fps:0.0} ({how})");
        text.AppendLine(Ci, $"latency   {Ms(estimate.Seconds)} ms a frame");
        text.AppendLine();

        text.AppendLine("by op type           ms   share");
        foreach (var (name, category) in Categories)
            text.AppendLine(Ci, $"  {name,-15} {Ms(estimate[category]),7} {estimate[category] / estimate.Seconds,7:0.0%}");
        text.AppendLine();

        const string columns = "FPGA compute  FPGA transfer      host  exchange     total   (ms)";
        text.AppendLine(Ci, $"{"by layer",-28}{columns}");
        foreach (var group in estimate.Ops.GroupBy(op => op.Layer).OrderBy(g => g.Key))
        {
            string name = group.Key < 0 ? "embedding" : group.Key >= subnet.Depth ? "head" : $"layers[{group.Key}]";
            text.AppendLine(Ci, $"  {name,-26}{Row(group)}");
        }
        text.AppendLine();

        text.AppendLine(Ci, $"{"by op (all layers)",-28}{columns}");
        foreach (var group in estimate.Ops.GroupBy(op => op.Op).OrderBy(g => g.Key))
            text.AppendLine(Ci, $"  {LatencyModel.OpName(group.Key),-26}{Row(group)}");
        text.AppendLine();

        var total = solution.Resources.Total;
        var device = platform.Resources;
        text.AppendLine("resources        used     budget  of budget  of device");
        foreach (var kind in ResourceBudget.Kinds)
        {
            double available = kind switch
            {
                ResourceKind.Dsp => device.Dsp,
                ResourceKind.Lut => device.Lut,
                ResourceKind.Ff => device.Ff,
                _ => device.Bram18k,
            };
            string mark = kind == solution.Binding ? "  ← binds" : "";
            text.AppendLine(Ci, $"  {ResourceBudget.Name(kind),-6} {total[kind],10:N0} {solution.Budget[kind],10:N0} {solution.Share(kind),10:0.0%} {total[kind] / available,10:0.0%}{mark}");
        }
        text.AppendLine("components");
        foreach (var component in solution.Resources.Components)
            text.AppendLine(Ci, $"  {component.Name}: {component.Usage}");
        return text.ToString();
    }

    private static readonly (string Name, LatencyCategory Category)[] Categories =
    [
        ("FPGA compute", LatencyCategory.FpgaCompute),
        ("FPGA transfer", LatencyCategory.FpgaTransfer),
        ("host", LatencyCategory.Host),
        ("exchange", LatencyCategory.Exchange),
    ];

    private static string Row(IEnumerable<OpLatency> ops) => string.Create(Ci,
        $"{Ms(ops.Sum(o => o.FpgaCompute)),12}{Ms(ops.Sum(o => o.FpgaTransfer)),15}{Ms(ops.Sum(o => o.Host)),10}{Ms(ops.Sum(o => o.Exchange)),10}{Ms(ops.Sum(o => o.Seconds)),10}");

    private static string Ms(double seconds) => (seconds * 1e3).ToString("0.000", Ci);
}
