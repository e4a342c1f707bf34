using System.Globalization;
using Quasar.HwGen.Core.Ir.Ops;

namespace Quasar.HwGen.Core.Ir;

/// <summary>A few lines a person reads to know what a graph holds and where it runs.</summary>
public static class IrSummary
{
    public static long FpgaMacs(IrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var types = graph.Tensors.ToDictionary(t => t.Name, t => t.Type);
        long macs = 0;
        foreach (var op in graph.OpsOn(Placement.Fpga))
        {
            macs += op switch
            {
                LinearOp l => (long)types[l.Input].Rows * l.InFeatures * l.OutFeatures,
                AttentionScoresOp s => (long)s.Heads * types[s.Query].Rows * types[s.Key].Rows * s.HeadDim,
                AttentionContextOp c => (long)c.Heads * types[c.Value].Rows * types[c.Value].Rows * c.HeadDim,
                _ => 0,
            };
        }
        return macs;
    }

    public static string Describe(IrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var linears = graph.Ops.OfType<LinearOp>().ToList();
        long weights = linears.Sum(l => (long)l.Weights.Length);
        long eightBit = linears.Sum(l => (long)l.RowIs8Bit.Count(b => b) * l.InFeatures);
        long bits = linears.Sum(l => l.RowIs8Bit.Sum(b => b ? 8L : 4L) * l.InFeatures);
        return string.Create(CultureInfo.InvariantCulture,
            $"""
            graph '{graph.Name}': {graph.Ops.Count} ops ({graph.OpsOn(Placement.Fpga).Count()} on the FPGA, {graph.OpsOn(Placement.Host).Count()} on the host)
              FPGA work: {FpgaMacs(graph) / 1e6:F1} MMACs per image
              weights:   {weights:N0} in {linears.Count} linears, {100.0 * eightBit / Math.Max(1, weights):F1}% in 8-bit rows, {bits / 8e6:F2} MB packed
            """);
    }
}
