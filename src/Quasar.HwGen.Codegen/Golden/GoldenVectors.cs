using Quasar.HwGen.Core.Execution.Kernel;

namespace Quasar.HwGen.Codegen.Golden;

/// <summary>The contents of a QGV1 file (docs/hls-engine.md §4): every FPGA op once, with its weights, then the calls.</summary>
public sealed record GoldenVectors(IReadOnlyList<KernelOp> Ops, IReadOnlyList<GoldenCall> Calls)
{
    /// <summary>Distinct images the calls come from.</summary>
    public int ImageCount => Calls.Select(c => c.Image).Distinct().Count();

    /// <summary>The largest array each kernel argument needs over all calls, in bytes (the m_axi depths for cosim), and the most batches and tokens of a call.</summary>
    public KernelArraySizes LargestArrays()
    {
        int a = 0, b = 0, output = 0, rows = 0, batches = 1, tokens = 1;
        foreach (var op in Ops)
        {
            b = Math.Max(b, op.Weights.Length);
            rows = Math.Max(rows, op.Call.TableRows);
            batches = Math.Max(batches, op.Call.Batches);
            tokens = Math.Max(tokens, op.Call.M);
        }
        foreach (var call in Calls)
        {
            a = Math.Max(a, call.A.Length);
            b = Math.Max(b, call.B.Length);
            output = Math.Max(output, call.Expected.Length);
        }
        return new KernelArraySizes(a, b, output, rows, batches, tokens);
    }
}
