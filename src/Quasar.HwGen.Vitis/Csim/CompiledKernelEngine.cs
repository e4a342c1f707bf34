using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Quasar.HwGen.Core.Execution;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;

namespace Quasar.HwGen.Vitis.Csim;

/// <summary>
/// The FPGA ops executed by the generated HLS kernel compiled with g++ (<see cref="KernelLibraryBuilder"/>), called in
/// process with the word arguments of docs/kernel-layout.md §1 (operands mapped by <see cref="KernelOpMapper"/>, laid out
/// by <see cref="KernelWordLayout"/> for the engine's <see cref="KernelGeometry"/>; a void kernel whose status comes
/// back through its last argument). With the IR interpreter it runs a whole model through the C++ the board will run,
/// so its logits can be compared with the C# emulation's bit for bit. An op's rows (and a linear's weight stream) are
/// packed once and kept while the op lives. Not thread-safe: the word buffers are reused between calls.
/// </summary>
public sealed unsafe class CompiledKernelEngine : IFpgaEngine, IDisposable
{
    private readonly nint _library;
    private readonly delegate* unmanaged[Cdecl]<UInt128*, UInt128*, UInt128*, UInt128*, int, int, int, int, int, int, int, int, int, int*, void> _kernel;
    private readonly ConditionalWeakTable<IrOp, KernelOpWords> _opWords = [];
    private UInt128[] _a = [];
    private UInt128[] _w = [];
    private UInt128[] _out = [];
    private byte[] _output = [];

    /// <param name="libraryPath">The kernel library.</param>
    /// <param name="geometry">The geometry of the engine the library was generated for (its TM, TN, TK).</param>
    public CompiledKernelEngine(string libraryPath, KernelGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        Geometry = geometry;
        _library = NativeLibrary.Load(libraryPath);
        if (!NativeLibrary.TryGetExport(_library, "quasar_gemm", out var symbol))
        {
            NativeLibrary.Free(_library);
            throw new EntryPointNotFoundException($"{libraryPath} does not export quasar_gemm (is it the generated kernel?)");
        }
        _kernel = (delegate* unmanaged[Cdecl]<UInt128*, UInt128*, UInt128*, UInt128*, int, int, int, int, int, int, int, int, int, int*, void>)symbol;
    }

    public KernelGeometry Geometry { get; }

    /// <summary>Kernel calls made so far.</summary>
    public long Calls { get; private set; }

    public TensorData Linear(LinearOp op, TensorData input, TensorType outputType) =>
        Run(op, KernelOpMapper.Linear(op, input.Type, outputType), [input], outputType);

    public TensorData AttentionScores(AttentionScoresOp op, TensorData query, TensorData key, TensorType outputType) =>
        Run(op, KernelOpMapper.Scores(op, query.Type, outputType), [query, key], outputType);

    public TensorData AttentionContext(AttentionContextOp op, TensorData probabilities, TensorData value, TensorType outputType) =>
        Run(op, KernelOpMapper.Context(op, value.Type, outputType), [probabilities, value], outputType);

    private TensorData Run(IrOp irOp, KernelOp op, TensorData[] inputs, TensorType outputType)
    {
        var words = WordsOf(irOp, op);
        var plan = words.Plan(op.Call);
        var sizes = plan.Sizes;
        var (a, b) = KernelOpMapper.Operands(op, inputs);
        KernelWordLayout.PackA(plan, a, Grow(ref _a, sizes.AWords));
        var w = words.Weights;
        if (op.TakesBPerCall)
        {
            KernelWordLayout.PackWeights(plan, b, Grow(ref _w, sizes.WWords));
            w = _w;
        }
        Grow(ref _out, sizes.OutWords);
        var c = plan.WordCall;
        int status = -1;
        fixed (UInt128* pa = _a, pw = w, prows = words.Rows, pout = _out)
        {
            _kernel(pa, pw, prows, pout, c.Batches, c.M, c.N, c.K, c.NibbleRows, c.OutBytes, c.OutMin, c.OutMax, c.Flags, &status);
        }
        Calls++;
        if (status != GemmStatus.Ok)
            throw new InvalidOperationException($"the kernel refused '{op.Name}' with status {status}: {GemmStatus.Describe(status)}");
        var output = Grow(ref _output, checked((int)(op.Call.OutputElements * op.Call.OutBytes)));
        KernelWordLayout.UnpackOutput(plan, _out, output);
        return KernelBytes.ToTensor(outputType, output);
    }

    /// <summary>The op's packed rows and weights, packed on its first call (again if the op's row count changed, i.e. another token count for attention).</summary>
    private KernelOpWords WordsOf(IrOp irOp, KernelOp op)
    {
        if (_opWords.TryGetValue(irOp, out var words) && words.Tiling.OutputRows == op.Call.N) return words;
        words = KernelOpWords.Pack(op, Geometry);
        _opWords.AddOrUpdate(irOp, words);
        return words;
    }

    /// <summary>The first <paramref name="length"/> elements of <paramref name="buffer"/>, grown when shorter.</summary>
    private static Span<T> Grow<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new T[length];
        return buffer.AsSpan(0, length);
    }

    public void Dispose() => NativeLibrary.Free(_library);
}
