using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Hardware.Kernel;

namespace Quasar.HwGen.Hardware.Latency;

/// <summary>
/// Which process of the kernel sets the pace of a frame: the share of the frame's kernel cycles spent in calls that each
/// process binds (<see cref="KernelCallCycles.Binding"/>). It says what to widen when the model falls short.
/// </summary>
public static class KernelBottlenecks
{
    public static IReadOnlyDictionary<KernelProcess, double> Shares(LatencyModel model, Subnet subnet, SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(model);
        var sink = new Sink(model, new double[Enum.GetValues<KernelProcess>().Length]);
        VitWorkload.Walk(subnet, space, ref sink);
        double total = sink.Cycles.Sum();
        return Enum.GetValues<KernelProcess>().ToDictionary(p => p, p => sink.Cycles[(int)p] / total);
    }

    /// <summary>The processes that bind, largest share first, e.g. <c>write 55%, compute 40%, output 5%</c>.</summary>
    public static string Describe(IReadOnlyDictionary<KernelProcess, double> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        return string.Join(", ", shares.Where(s => s.Value > 0).OrderByDescending(s => s.Value)
            .Select(s => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Name(s.Key)} {s.Value:0%}")));
    }

    /// <summary>The process's name in the kernel and its accounting line (<c>read_a</c>, ..., <c>write</c>).</summary>
    public static string Name(KernelProcess process) => process switch
    {
        KernelProcess.ReadA => "read_a",
        KernelProcess.ReadW => "read_w",
        KernelProcess.Compute => "compute",
        KernelProcess.Output => "output",
        KernelProcess.Write => "write",
        _ => throw new ArgumentOutOfRangeException(nameof(process), process, null),
    };

    private readonly struct Sink(LatencyModel model, double[] cycles) : IWorkloadSink
    {
        public double[] Cycles => cycles;

        public void Gemm(VitOp op, int layer, in GemmShape shape, long hostInputBytes, long hostOutputBytes)
        {
            var call = KernelCycles.ForCall(model.Engine, shape, model.Parameters.ArrayEfficiency);
            cycles[(int)call.Binding] += call.Total;
        }

        public void Host(VitOp op, int layer, HostOpKind kind, long elements)
        {
        }
    }
}
