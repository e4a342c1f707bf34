using System.Runtime.CompilerServices;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;

namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>
/// The FPGA ops of the IR through a kernel on words: each op mapped by <see cref="KernelOpMapper"/>, its operands laid
/// out by <see cref="KernelWordLayout"/> for the engine's geometry, the kernel called, its output words unpacked into the
/// output tensor. An op's rows and a linear's weight stream are packed on its first call and kept while the op lives
/// (weights packed once per model); the word buffers are reused between calls, so an instance is not thread-safe.
/// </summary>
public sealed class WordKernelEngine : IFpgaEngine
{
    private readonly WordKernel _kernel;
    private readonly ConditionalWeakTable<IrOp, KernelOpWords> _opWords = [];
    private UInt128[] _a = [];
    private UInt128[] _w = [];
    private UInt128[] _out = [];
    private byte[] _output = [];

    /// <param name="kernel">The kernel.</param>
    /// <param name="geometry">The geometry of the engine the kernel was built for (its TM, TN, TK).</param>
    public WordKernelEngine(WordKernel kernel, KernelGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(geometry);
        _kernel = kernel;
        Geometry = geometry;
    }

    public KernelGeometry Geometry { get; }

    /// <summary>Kernel calls made so far.</summary>
    public long Calls { get; private set; }

    /// <summary>The C# model of the kernel (<see cref="WordGemm"/>) behind the same host path.</summary>
    public static WordKernelEngine Model(KernelGeometry geometry, GemmLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return new WordKernelEngine(
            (in KernelWordCall call, ReadOnlySpan<UInt128> a, ReadOnlySpan<UInt128> w, ReadOnlySpan<UInt128> rows, Span<UInt128> output) =>
                WordGemm.Run(call, geometry, a, w, rows, output, limits),
            geometry);
    }

    public TensorData Linear(LinearOp op, TensorData input, TensorType outputType)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(input);
        return Run(op, KernelOpMapper.Linear(op, input.Type, outputType), [input], outputType);
    }

    public TensorData AttentionScores(AttentionScoresOp op, TensorData query, TensorData key, TensorType outputType)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(query);
        return Run(op, KernelOpMapper.Scores(op, query.Type, outputType), [query, key], outputType);
    }

    public TensorData AttentionContext(AttentionContextOp op, TensorData probabilities, TensorData value, TensorType outputType)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(value);
        return Run(op, KernelOpMapper.Context(op, value.Type, outputType), [probabilities, value], outputType);
    }

    private TensorData Run(IrOp irOp, KernelOp op, TensorData[] inputs, TensorType outputType)
    {
        var words = WordsOf(irOp, op);
        var plan = words.Plan(op.Call);
        var sizes = plan.Sizes;
        var (a, b) = KernelOpMapper.Operands(op, inputs);
        KernelWordLayout.PackA(plan, a, Take(ref _a, sizes.AWords));
        ReadOnlySpan<UInt128> w = words.Weights;
        if (op.TakesBPerCall)
        {
            KernelWordLayout.PackWeights(plan, b, Take(ref _w, sizes.WWords));
            w = _w.AsSpan(0, sizes.WWords);
        }
        var output = Take(ref _out, sizes.OutWords);
        int status = _kernel(plan.WordCall, _a.AsSpan(0, sizes.AWords), w, words.Rows, output);
        Calls++;
        if (status != GemmStatus.Ok)
            throw new InvalidOperationException($"the kernel refused '{op.Name}' with status {status}: {GemmStatus.Describe(status)}");
        var bytes = Take(ref _output, checked((int)(op.Call.OutputElements * op.Call.OutBytes)));
        KernelWordLayout.UnpackOutput(plan, output, bytes);
        return KernelBytes.ToTensor(outputType, bytes);
    }

    /// <summary>The op's packed words, packed on its first call (again if its row count changed: attention on another token count).</summary>
    private KernelOpWords WordsOf(IrOp irOp, KernelOp op)
    {
        if (_opWords.TryGetValue(irOp, out var words) && words.Tiling.OutputRows == op.Call.N) return words;
        words = KernelOpWords.Pack(op, Geometry);
        _opWords.AddOrUpdate(irOp, words);
        return words;
    }

    /// <summary>The first <paramref name="length"/> elements of <paramref name="buffer"/>, grown when shorter.</summary>
    private static Span<T> Take<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new T[length];
        return buffer.AsSpan(0, length);
    }
}
