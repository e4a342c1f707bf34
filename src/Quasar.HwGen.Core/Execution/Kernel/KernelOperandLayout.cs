namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>
/// How the host arranges a logical operand before a kernel call (docs/hls-engine.md §1), through
/// <see cref="KernelOpMapper.Operands"/>: the logical A and B that the golden vectors (GoldenRecorder), the g++ kernel
/// adapter (CompiledKernelEngine) and the logical reference (<see cref="StridedGemm"/>) share, and that
/// <see cref="KernelWordLayout"/> turns into the kernel's words.
/// Attention V is transposed per head, [head][head dim][token], so that the context call has B at column stride 1 like
/// every other call: the weight-stream packer reads each B row contiguously.
/// </summary>
public static class KernelOperandLayout
{
    /// <summary>V (tokens × heads·headDim, row major) as Vᵀ per head: element (h, r, j) at h·headDim·tokens + r·tokens + j.</summary>
    public static sbyte[] TransposeValue(ReadOnlySpan<sbyte> value, int tokens, int heads, int headDim)
    {
        var transposed = new sbyte[value.Length];
        TransposeValue(value, tokens, heads, headDim, transposed);
        return transposed;
    }

    /// <summary>The same into <paramref name="transposed"/> (as long as V): the runtime's per-frame buffer.</summary>
    public static void TransposeValue(ReadOnlySpan<sbyte> value, int tokens, int heads, int headDim, Span<sbyte> transposed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tokens);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(heads);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(headDim);
        int width = checked(heads * headDim);
        if (value.Length != checked(tokens * width))
            throw new ArgumentException($"V holds {value.Length} bytes, not {tokens} tokens × {width}", nameof(value));
        if (transposed.Length != value.Length)
            throw new ArgumentException($"Vᵀ has room for {transposed.Length} bytes, V holds {value.Length}", nameof(transposed));
        for (int h = 0; h < heads; h++)
            for (int r = 0; r < headDim; r++)
                for (int j = 0; j < tokens; j++)
                    transposed[((h * headDim) + r) * tokens + j] = value[j * width + h * headDim + r];
    }
}
