using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Quasar.HwGen.Core.Execution.Kernel;

namespace Quasar.Runtime.Xrt;

/// <summary>
/// One FPGA op loaded on an XRT device: its row tables (and a linear's weights) in device buffers written once; per
/// frame in flight a <see cref="XrtCallContext"/> with the activation, output and (attention) B buffers and a run
/// whose arguments are set once.
/// </summary>
internal sealed class XrtOp : IAcceleratorOp, IDisposable
{
    private readonly XrtAccelerator _accelerator;
    private readonly KernelOpWords _words;
    private readonly XrtBuffer _rows;
    private readonly XrtBuffer? _weights;
    private readonly ConcurrentBag<XrtCallContext> _idle = [];
    private readonly ConcurrentBag<XrtCallContext> _all = [];

    public XrtOp(XrtAccelerator accelerator, KernelOp op)
    {
        _accelerator = accelerator;
        Op = op;
        _words = KernelOpWords.Pack(op, accelerator.Geometry);
        Plan = _words.Plan(op.Call);
        int status = WordGemm.Check(Plan.WordCall, accelerator.Limits);
        if (status != GemmStatus.Ok)
        {
            throw new XclbinException($"'{op.Name}' does not fit the engine of '{accelerator.Xclbin.Path}': {GemmStatus.Describe(status)} " +
                $"(the call has k {op.Call.K}, n {op.Call.N}; the engine takes k ≤ {accelerator.Limits.MaxReduction}, n ≤ {accelerator.Limits.MaxRows}): " +
                "generate and build the project for this model's engine");
        }
        _rows = Upload(accelerator, _words.Rows, XrtKernelArguments.Rows);
        _weights = op.TakesBPerCall ? null : Upload(accelerator, _words.Weights, XrtKernelArguments.Weights);
    }

    public KernelOp Op { get; }

    public KernelCallPlan Plan { get; }

    public void Run(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b, Span<byte> output)
    {
        var context = _idle.TryTake(out var idle) ? idle : Create();
        try
        {
            context.Run(a, b, output, _accelerator);
        }
        finally
        {
            _idle.Add(context);
        }
    }

    public void Dispose()
    {
        foreach (var context in _all) context.Dispose();
        _weights?.Dispose();
        _rows.Dispose();
    }

    private XrtCallContext Create()
    {
        var context = new XrtCallContext(_accelerator, Plan, _rows, _weights);
        _all.Add(context);
        return context;
    }

    /// <summary>A buffer for <paramref name="words"/> (one word at least: XRT refuses empty buffers), written and synced.</summary>
    private static XrtBuffer Upload(XrtAccelerator accelerator, UInt128[] words, int argument)
    {
        var buffer = XrtCallContext.Allocate(accelerator, words.Length, argument);
        buffer.Write(MemoryMarshal.AsBytes(words.AsSpan()));
        buffer.SyncToDevice();
        return buffer;
    }
}
