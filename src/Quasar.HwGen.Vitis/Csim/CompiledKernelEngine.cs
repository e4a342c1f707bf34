using System.Runtime.InteropServices;
using Quasar.HwGen.Core.Execution;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;

namespace Quasar.HwGen.Vitis.Csim;

/// <summary>
/// The FPGA ops executed by the generated HLS kernel compiled with g++ (<see cref="KernelLibraryBuilder"/>), called in
/// process with the arguments of docs/hls-engine.md §1 (mapped by <see cref="KernelOpMapper"/>; a void kernel whose
/// status comes back through its last argument). With the IR interpreter it runs a whole model through the C++ the
/// board will run, so its logits can be compared with the C# emulation's bit for bit.
/// </summary>
public sealed unsafe class CompiledKernelEngine : IFpgaEngine, IDisposable
{
    private readonly nint _library;
    private readonly delegate* unmanaged[Cdecl]<sbyte*, sbyte*, byte*, int*, int*, byte*, byte*,
        int, int, int, int, int, int, int, int, int, int, int, int, int, int, int, int*, void> _kernel;

    public CompiledKernelEngine(string libraryPath)
    {
        _library = NativeLibrary.Load(libraryPath);
        if (!NativeLibrary.TryGetExport(_library, "quasar_gemm", out var symbol))
        {
            NativeLibrary.Free(_library);
            throw new EntryPointNotFoundException($"{libraryPath} does not export quasar_gemm (is it the generated kernel?)");
        }
        _kernel = (delegate* unmanaged[Cdecl]<sbyte*, sbyte*, byte*, int*, int*, byte*, byte*,
            int, int, int, int, int, int, int, int, int, int, int, int, int, int, int, int*, void>)symbol;
    }

    /// <summary>Kernel calls made so far.</summary>
    public long Calls { get; private set; }

    public TensorData Linear(LinearOp op, TensorData input, TensorType outputType) =>
        Run(KernelOpMapper.Linear(op, input.Type, outputType), [input], outputType);

    public TensorData AttentionScores(AttentionScoresOp op, TensorData query, TensorData key, TensorType outputType) =>
        Run(KernelOpMapper.Scores(op, query.Type, outputType), [query, key], outputType);

    public TensorData AttentionContext(AttentionContextOp op, TensorData probabilities, TensorData value, TensorType outputType) =>
        Run(KernelOpMapper.Context(op, value.Type, outputType), [probabilities, value], outputType);

    private TensorData Run(KernelOp op, TensorData[] inputs, TensorType outputType)
    {
        var (a, b) = KernelOpMapper.Operands(op, inputs);
        var c = op.Call;
        var output = new byte[checked((int)(c.OutputElements * c.OutBytes))];
        int status = -1;
        fixed (sbyte* pa = a, pb = b)
        fixed (byte* rowIs8 = op.RowIs8, shift = op.Shift, pout = output)
        fixed (int* bias = op.Bias, multiplier = op.Multiplier)
        {
            _kernel(pa, pb, rowIs8, bias, multiplier, shift, pout,
                c.Batches, c.M, c.N, c.K, c.ABatchStride, c.ARowStride, c.BBatchStride, c.BRowStride, c.BColStride,
                c.OutBatchStride, c.OutRowStride, c.OutBytes, c.OutMin, c.OutMax, c.Flags, &status);
        }
        Calls++;
        if (status != GemmStatus.Ok)
            throw new InvalidOperationException($"the kernel refused '{op.Name}' with status {status}: {GemmStatus.Describe(status)}");
        return KernelBytes.ToTensor(outputType, output);
    }

    public void Dispose() => NativeLibrary.Free(_library);
}
