using System.Buffers;
using System.Runtime.InteropServices;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Core.Numerics;

namespace Quasar.Runtime.Emulation;

/// <summary>
/// One loaded op on <c>emu</c>: per batch, A's rows and B's rows gathered through the call's strides (docs/hls-engine.md
/// §1), multiplied by <see cref="GemmEngine"/>, requantized by the op's <see cref="OutputStage"/> and stored through the
/// output strides. A linear's B is packed once here; attention's B is packed per call. Scratch comes from the array
/// pool, so calls from several frames may run at once.
/// </summary>
internal sealed class EmulatedCall : IAcceleratorOp
{
    private readonly GemmPath _path;
    private readonly bool _parallel;
    private readonly PackedWeights? _weights;
    private readonly OutputStage _stage;

    public EmulatedCall(KernelOp op, GemmPath path, bool parallel)
    {
        Op = op;
        _path = path;
        _parallel = parallel;
        var call = op.Call;
        if (call.OutBytes is not (1 or 2)) throw new ArgumentException($"'{op.Name}': out_bytes {call.OutBytes} is neither 1 nor 2", nameof(op));
        var shifts = Array.ConvertAll(op.Shift, s => (int)s);
        _stage = call.PerTensor
            ? new OutputStage(op.Multiplier, shifts, [0], call.OutMin, call.OutMax)
            : new OutputStage(op.Multiplier, shifts, op.Bias, call.OutMin, call.OutMax);
        if (!op.TakesBPerCall) _weights = PackedWeights.Pack(Gather(call, op.Weights, batch: 0, B: true), call.N, call.K);
    }

    public KernelOp Op { get; }

    public void Run(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b, Span<byte> output)
    {
        var call = Op.Call;
        int m = call.M, n = call.N, k = call.K;
        var acc = ArrayPool<int>.Shared.Rent(m * n);
        var rows = ArrayPool<sbyte>.Shared.Rent(m * k);
        try
        {
            for (int h = 0; h < call.Batches; h++)
            {
                var x = rows.AsSpan(0, m * k);
                GatherInto(call, a, h, B: false, x);
                var weights = _weights ?? PackedWeights.Pack(Gather(call, b, h, B: true), n, k);
                var products = acc.AsMemory(0, m * n);
                GemmEngine.Multiply(x, m, weights, products, _path, _parallel);
                Store(call, h, products.Span, output);
            }
        }
        finally
        {
            ArrayPool<sbyte>.Shared.Return(rows);
            ArrayPool<int>.Shared.Return(acc);
        }
    }

    /// <summary>Requantizes batch h's products and writes them where the output strides say.</summary>
    private void Store(in GemmCall call, int h, ReadOnlySpan<int> products, Span<byte> output)
    {
        int m = call.M, n = call.N;
        for (int t = 0; t < m; t++)
        {
            long at = (long)h * call.OutBatchStride + (long)t * call.OutRowStride;
            var row = products.Slice(t * n, n);
            if (call.OutBytes == 2) _stage.Apply(row, MemoryMarshal.Cast<byte, short>(output).Slice(checked((int)at), n));
            else _stage.Apply(row, MemoryMarshal.Cast<byte, sbyte>(output).Slice(checked((int)at), n));
        }
    }

    private static sbyte[] Gather(in GemmCall call, ReadOnlySpan<sbyte> source, int batch, bool B)
    {
        var result = new sbyte[(B ? call.N : call.M) * call.K];
        GatherInto(call, source, batch, B, result);
        return result;
    }

    /// <summary>Rows of A (m × k) or of B (n × k) of one batch, contiguous, read through the call's strides.</summary>
    private static void GatherInto(in GemmCall call, ReadOnlySpan<sbyte> source, int batch, bool B, Span<sbyte> target)
    {
        int rows = B ? call.N : call.M, k = call.K;
        long batchStride = B ? call.BBatchStride : call.ABatchStride, rowStride = B ? call.BRowStride : call.ARowStride;
        int colStride = B ? call.BColStride : 1;
        for (int r = 0; r < rows; r++)
        {
            long start = batch * batchStride + r * rowStride;
            var row = target.Slice(r * k, k);
            if (colStride == 1)
            {
                source.Slice(checked((int)start), k).CopyTo(row);
                continue;
            }
            for (int j = 0; j < k; j++) row[j] = source[checked((int)(start + (long)j * colStride))];
        }
    }
}
