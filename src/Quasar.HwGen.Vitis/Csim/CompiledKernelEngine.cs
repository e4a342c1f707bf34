using System.Runtime.InteropServices;
using Quasar.HwGen.Core.Execution;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;

namespace Quasar.HwGen.Vitis.Csim;

/// <summary>
/// The FPGA ops executed by the generated HLS kernel compiled with g++ (<see cref="KernelLibraryBuilder"/>), called in
/// process with the word signature of docs/kernel-layout.md §1 (a void kernel whose status comes back through its last
/// argument) behind the host path of <see cref="WordKernelEngine"/> (map, lay out for the engine's geometry, unpack).
/// With the IR interpreter it runs a whole model through the C++ the board will run, so its logits can be compared with
/// the C# emulation's bit for bit. Not thread-safe.
/// </summary>
public sealed unsafe class CompiledKernelEngine : IFpgaEngine, IDisposable
{
    private readonly nint _library;
    private readonly delegate* unmanaged[Cdecl]<UInt128*, UInt128*, UInt128*, UInt128*, UInt128*, int, int, int, int, int, int, int, int, int, int*, void> _kernel;
    private readonly WordKernelEngine _engine;

    /// <param name="libraryPath">The kernel library.</param>
    /// <param name="geometry">The geometry of the engine the library was generated for (its TM, TN, TK).</param>
    public CompiledKernelEngine(string libraryPath, KernelGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        _library = NativeLibrary.Load(libraryPath);
        if (!NativeLibrary.TryGetExport(_library, "quasar_gemm", out var symbol))
        {
            NativeLibrary.Free(_library);
            throw new EntryPointNotFoundException($"{libraryPath} does not export quasar_gemm (is it the generated kernel?)");
        }
        _kernel = (delegate* unmanaged[Cdecl]<UInt128*, UInt128*, UInt128*, UInt128*, UInt128*, int, int, int, int, int, int, int, int, int, int*, void>)symbol;
        _engine = new WordKernelEngine(Call, geometry);
    }

    public KernelGeometry Geometry => _engine.Geometry;

    /// <summary>Kernel calls made so far.</summary>
    public long Calls => _engine.Calls;

    public TensorData Linear(LinearOp op, TensorData input, TensorType outputType) => _engine.Linear(op, input, outputType);

    public TensorData AttentionScores(AttentionScoresOp op, TensorData query, TensorData key, TensorType outputType) =>
        _engine.AttentionScores(op, query, key, outputType);

    public TensorData AttentionContext(AttentionContextOp op, TensorData probabilities, TensorData value, TensorType outputType) =>
        _engine.AttentionContext(op, probabilities, value, outputType);

    // The kernel writes the output stream through two ports (KernelOutputPorts); the host merges them back.
    private int Call(in KernelWordCall c, ReadOnlySpan<UInt128> a, ReadOnlySpan<UInt128> w, ReadOnlySpan<UInt128> rows, Span<UInt128> output)
    {
        bool laidOut = WordGemm.Check(c, GemmLimits.Unbounded) == GemmStatus.Ok;
        var sizes = laidOut ? KernelWordSizes.Of(c, Geometry) : default;
        if (_out0.Length < sizes.Out0Words) _out0 = new UInt128[sizes.Out0Words];
        if (_out1.Length < sizes.Out1Words) _out1 = new UInt128[sizes.Out1Words];
        int status = -1;
        fixed (UInt128* pa = a, pw = w, prows = rows, pout0 = _out0, pout1 = _out1)
        {
            _kernel(pa, pw, prows, pout0, pout1, c.Batches, c.M, c.N, c.K, c.NibbleRows, c.OutBytes, c.OutMin, c.OutMax, c.Flags, &status);
        }
        if (status == GemmStatus.Ok) KernelOutputPorts.Merge(c, sizes, Geometry, _out0, _out1, output);
        return status;
    }

    private UInt128[] _out0 = [], _out1 = [];

    public void Dispose() => NativeLibrary.Free(_library);
}
