using System.Diagnostics;
using System.Runtime.InteropServices;
using Quasar.HwGen.Core.Execution.Kernel;

namespace Quasar.Runtime.Xrt;

/// <summary>
/// What one call of an op needs on the device and the host, kept for the next frame: the A, (attention) B and two
/// output buffers, their host-side words, and a run with every argument set (the call's shape never changes).
/// </summary>
internal sealed class XrtCallContext : IDisposable
{
    private readonly KernelCallPlan _plan;
    private readonly XrtBuffer _a, _out0, _out1;
    private readonly XrtBuffer? _b;
    private readonly XrtRun _run;
    private readonly UInt128[] _aWords, _bWords, _out0Words, _out1Words, _merged;

    public XrtCallContext(XrtAccelerator accelerator, KernelCallPlan plan, XrtBuffer rows, XrtBuffer? weights)
    {
        _plan = plan;
        var sizes = plan.Sizes;
        _aWords = new UInt128[sizes.AWords];
        _bWords = weights is null ? new UInt128[sizes.WWords] : [];
        _out0Words = new UInt128[sizes.Out0Words];
        _out1Words = new UInt128[sizes.Out1Words];
        _merged = new UInt128[sizes.OutWords];
        _a = Allocate(accelerator, sizes.AWords, XrtKernelArguments.A);
        _b = weights is null ? Allocate(accelerator, sizes.WWords, XrtKernelArguments.Weights) : null;
        _out0 = Allocate(accelerator, sizes.Out0Words, XrtKernelArguments.Out0);
        _out1 = Allocate(accelerator, sizes.Out1Words, XrtKernelArguments.Out1);
        _run = XrtRun.Open(accelerator.Kernel);
        _run.SetArgument(XrtKernelArguments.A, _a);
        _run.SetArgument(XrtKernelArguments.Weights, weights ?? _b!);
        _run.SetArgument(XrtKernelArguments.Rows, rows);
        _run.SetArgument(XrtKernelArguments.Out0, _out0);
        _run.SetArgument(XrtKernelArguments.Out1, _out1);
        var scalars = plan.WordCall.ToArray();
        for (int i = 0; i < scalars.Length; i++) _run.SetArgument(XrtKernelArguments.FirstScalar + i, scalars[i]);
    }

    public void Run(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b, Span<byte> output, XrtAccelerator accelerator)
    {
        var clock = accelerator.Clock;
        long start = Stopwatch.GetTimestamp();
        KernelWordLayout.PackA(_plan, a, _aWords);
        if (_b is not null) KernelWordLayout.PackWeights(_plan, b, _bWords);
        start = clock.Layout(start);
        Upload(_a, _aWords);
        if (_b is not null) Upload(_b, _bWords);
        clock.Transfers(start);
        int status;
        lock (accelerator.ComputeUnit)
        {
            start = Stopwatch.GetTimestamp();
            _run.Execute(accelerator.RunTimeout);
            status = _run.GetInt32Argument(XrtKernelArguments.Status);
            start = clock.KernelRuns(start);
        }
        if (status != GemmStatus.Ok)
            throw new XrtException($"the kernel refused '{_plan.Call}' with status {status}: {GemmStatus.Describe(status)}");
        Download(_out0, _out0Words);
        Download(_out1, _out1Words);
        start = clock.Transfers(start);
        KernelOutputPorts.Merge(_plan.WordCall, _plan.Sizes, _plan.Geometry, _out0Words, _out1Words, _merged);
        KernelWordLayout.UnpackOutput(_plan, _merged, output);
        clock.Layout(start);
    }

    public void Dispose()
    {
        _run.Dispose();
        _a.Dispose();
        _b?.Dispose();
        _out0.Dispose();
        _out1.Dispose();
    }

    /// <summary>A buffer of <paramref name="words"/> words (at least one: XRT refuses empty buffers) in the argument's memory group.</summary>
    public static XrtBuffer Allocate(XrtAccelerator accelerator, int words, int argument) =>
        XrtBuffer.Allocate(accelerator.Device, (long)Math.Max(words, 1) * KernelWordSizes.WordBytes, accelerator.Kernel.ArgumentGroup(argument));

    private static void Upload(XrtBuffer buffer, UInt128[] words)
    {
        if (words.Length == 0) return;
        buffer.Write(MemoryMarshal.AsBytes(words.AsSpan()));
        buffer.SyncToDevice();
    }

    private static void Download(XrtBuffer buffer, UInt128[] words)
    {
        if (words.Length == 0) return;
        var bytes = MemoryMarshal.AsBytes(words.AsSpan());
        buffer.SyncFromDevice(bytes.Length);
        buffer.Read(bytes);
    }
}
