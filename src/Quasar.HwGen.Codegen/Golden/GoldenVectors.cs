using Quasar.HwGen.Core.Execution.Kernel;

namespace Quasar.HwGen.Codegen.Golden;

/// <summary>The contents of a QGV2 file (docs/kernel-layout.md §5): the geometry the words are laid out for, every FPGA op once, then the calls.</summary>
public sealed record GoldenVectors(KernelGeometry Geometry, IReadOnlyList<GoldenOp> Ops, IReadOnlyList<GoldenCall> Calls)
{
    /// <summary>Distinct images the calls come from.</summary>
    public int ImageCount => Calls.Select(c => c.Image).Distinct().Count();

    /// <summary>The most words each kernel array needs over all calls (the m_axi depths; for the output, per port), and the most batches and tokens of a call.</summary>
    public KernelArraySizes LargestArrays()
    {
        int a = 0, w = 0, rows = 0, output = 0, batches = 1, tokens = 1;
        foreach (var op in Ops)
        {
            w = Math.Max(w, op.W.Length);
            rows = Math.Max(rows, op.Rows.Length);
            batches = Math.Max(batches, op.Call.Batches);
            tokens = Math.Max(tokens, op.Call.M);
        }
        foreach (var call in Calls)
        {
            a = Math.Max(a, call.A.Length);
            w = Math.Max(w, call.W.Length);
            // Per output port: out0 holds the larger half of the stream (KernelOutputPorts).
            var op = Ops[call.OpIndex];
            if (WordGemm.Check(op.Call, GemmLimits.Unbounded) == GemmStatus.Ok)
                output = Math.Max(output, KernelWordSizes.Of(op.Call, Geometry).Out0Words);
        }
        return new KernelArraySizes(a, w, rows, output, batches, tokens);
    }
}
