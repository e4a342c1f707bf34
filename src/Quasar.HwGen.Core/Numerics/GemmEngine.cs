using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Quasar.HwGen.Core.Numerics;

/// <summary>
/// The fast exact GEMM of the emulator: <c>acc[t, r] = Σ_k x[t, k]·w[r, k]</c> in int32 for 6-bit activations and
/// int8 weights. 8-bit rows are computed directly rather than as two nibble passes: the identity
/// <c>x·w = 16·(x·h) + x·l</c> is exact (docs/numerics.md §2), so the result equals <see cref="GemmReference"/> bit
/// for bit. The vector paths offset the activations to [0, 63] so that they fit the unsigned operand of the
/// u8 × s8 instructions, and start each accumulator at <c>−32·Σ_k w[r, k]</c> to cancel the offset.
/// </summary>
public static class GemmEngine
{
    /// <summary>Below this many multiply-accumulates a GEMM runs on the calling thread only.</summary>
    public const long ParallelThreshold = 1L << 20;

    /// <summary>The path <see cref="GemmPath.Auto"/> chooses on this CPU.</summary>
    public static GemmPath BestPath { get; } =
        IsSupported(GemmPath.AvxVnni) ? GemmPath.AvxVnni
        : IsSupported(GemmPath.Avx512) ? GemmPath.Avx512
        : IsSupported(GemmPath.Avx2) ? GemmPath.Avx2
        : GemmPath.Scalar;

    /// <summary>True when this CPU can run <paramref name="path"/>.</summary>
    public static bool IsSupported(GemmPath path) => path switch
    {
        GemmPath.Auto or GemmPath.Scalar => true,
        GemmPath.Avx2 => Avx2DotProduct4.IsSupported,
        GemmPath.AvxVnni => AvxVnniDotProduct4.IsSupported,
        GemmPath.Avx512 => GemmKernel512.IsSupported,
        _ => false,
    };

    /// <summary>The concrete path <paramref name="path"/> runs; throws when this CPU cannot run it.</summary>
    public static GemmPath Resolve(GemmPath path)
    {
        if (path == GemmPath.Auto) return BestPath;
        if (!Enum.IsDefined(path)) throw new ArgumentOutOfRangeException(nameof(path), path, "unknown GEMM path");
        if (!IsSupported(path)) throw new PlatformNotSupportedException($"GEMM path {path} needs instructions this CPU does not have (best here: {BestPath})");
        return path;
    }

    /// <summary>Returns acc [m × N] for activations <paramref name="x"/> [m × K].</summary>
    public static int[] Multiply(ReadOnlySpan<sbyte> x, int m, PackedWeights weights, GemmPath path = GemmPath.Auto)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        var acc = new int[m * weights.N];
        Multiply(x, m, weights, acc, path);
        return acc;
    }

    /// <summary>
    /// Writes acc [m × N] for activations <paramref name="x"/> [m × K] (every value in [−32, 31]) into
    /// <paramref name="acc"/>. Large products are split over the cores by rows of <paramref name="x"/> unless
    /// <paramref name="allowParallel"/> is false.
    /// </summary>
    public static void Multiply(ReadOnlySpan<sbyte> x, int m, PackedWeights weights, Memory<int> acc, GemmPath path = GemmPath.Auto, bool allowParallel = true)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        if (x.Length != (long)m * weights.K)
            throw new ArgumentException($"x has {x.Length} elements, {m}×{weights.K} expected", nameof(x));
        if (acc.Length != (long)m * weights.N)
            throw new ArgumentException($"acc has {acc.Length} elements, {m}×{weights.N} expected", nameof(acc));
        var resolved = Resolve(path);
        if (resolved == GemmPath.Scalar)
        {
            MultiplyScalar(x, m, weights, acc.Span);
            return;
        }

        switch (resolved)
        {
            case GemmPath.Avx2:
                MultiplyBlocked<Block256<Avx2DotProduct4>>(x, m, weights, acc, allowParallel);
                break;
            case GemmPath.AvxVnni:
                MultiplyBlocked<Block256<AvxVnniDotProduct4>>(x, m, weights, acc, allowParallel);
                break;
            case GemmPath.Avx512:
                MultiplyBlocked<Block512>(x, m, weights, acc, allowParallel);
                break;
            default:
                throw new System.Diagnostics.UnreachableException($"Resolve returned {resolved}");
        }
    }

    /// <summary>
    /// The vector paths: pack the activations once, then run blocks of <c>TBlock.Rows</c> rows over every panel,
    /// the blocks split over the cores when the product is large. Internal so that tests can drive the shared
    /// 256-bit kernel with a software model of an instruction this CPU lacks.
    /// </summary>
    internal static void MultiplyBlocked<TBlock>(ReadOnlySpan<sbyte> x, int m, PackedWeights weights, Memory<int> acc, bool allowParallel)
        where TBlock : struct, IGemmBlock
    {
        int blocks = (m + TBlock.Rows - 1) / TBlock.Rows;
        int packedLength = blocks * TBlock.Rows * weights.PaddedK;
        var packed = ArrayPool<byte>.Shared.Rent(Math.Max(packedLength, 1));
        try
        {
            ActivationPacker.Pack(x, m, weights.K, weights.PaddedK, packed.AsSpan(0, packedLength));
            var job = new Job<TBlock>(packed, m, weights, acc);
            long macs = (long)m * weights.N * weights.K;
            int workers = allowParallel && macs >= ParallelThreshold ? Math.Min(Environment.ProcessorCount, blocks) : 1;
            if (workers <= 1)
            {
                job.Run(0, blocks);
            }
            else
            {
                Parallel.For(0, workers, i => job.Run((int)((long)blocks * i / workers), (int)((long)blocks * (i + 1) / workers)));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(packed);
        }
    }

    private static void MultiplyScalar(ReadOnlySpan<sbyte> x, int m, PackedWeights weights, Span<int> acc)
    {
        int n = weights.N, k = weights.K;
        for (int i = 0; i < x.Length; i++)
        {
            if (!QuantFormats.IsActivation(x[i])) throw ActivationPacker.OutOfRange(x[i], i / k, i % k);
        }
        ref sbyte w = ref MemoryMarshal.GetReference(weights.Rows);
        for (int t = 0; t < m; t++)
        {
            ref sbyte xRow = ref Unsafe.Add(ref MemoryMarshal.GetReference(x), t * k);
            var accRow = acc.Slice(t * n, n);
            int r = 0;
            for (; r <= n - 4; r += 4)
            {
                // Four weight rows per pass over the activation row.
                ref sbyte w0 = ref Unsafe.Add(ref w, r * k);
                ref sbyte w1 = ref Unsafe.Add(ref w0, k);
                ref sbyte w2 = ref Unsafe.Add(ref w1, k);
                ref sbyte w3 = ref Unsafe.Add(ref w2, k);
                int s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int j = 0; j < k; j++)
                {
                    int xj = Unsafe.Add(ref xRow, j);
                    s0 += xj * Unsafe.Add(ref w0, j);
                    s1 += xj * Unsafe.Add(ref w1, j);
                    s2 += xj * Unsafe.Add(ref w2, j);
                    s3 += xj * Unsafe.Add(ref w3, j);
                }
                accRow[r] = s0;
                accRow[r + 1] = s1;
                accRow[r + 2] = s2;
                accRow[r + 3] = s3;
            }
            for (; r < n; r++)
            {
                ref sbyte wr = ref Unsafe.Add(ref w, r * k);
                int sum = 0;
                for (int j = 0; j < k; j++) sum += Unsafe.Add(ref xRow, j) * Unsafe.Add(ref wr, j);
                accRow[r] = sum;
            }
        }
    }

    /// <summary>One GEMM after activation packing: runs ranges of row blocks, each over every panel.</summary>
    private sealed class Job<TBlock>(byte[] packed, int m, PackedWeights weights, Memory<int> acc)
        where TBlock : struct, IGemmBlock
    {
        private const int MaxRows = 8;

        public void Run(int firstBlock, int endBlock)
        {
            int n = weights.N, paddedK = weights.PaddedK, quads = paddedK / 4, rowsPerBlock = TBlock.Rows;
            if (rowsPerBlock > MaxRows) throw new InvalidOperationException($"a block of {rowsPerBlock} rows exceeds the scratch");
            Span<int> scratch = stackalloc int[MaxRows * PackedWeights.PanelWidth];
            var destination = acc.Span;
            ref int scratchStart = ref MemoryMarshal.GetReference(scratch);
            for (int p = 0; p < weights.PanelCount; p++)
            {
                ref sbyte panel = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(weights.Panels), p * PackedWeights.PanelWidth * paddedK);
                ref int start = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(weights.AccumulatorStart), p * PackedWeights.PanelWidth);
                int column = p * PackedWeights.PanelWidth;
                int columns = Math.Min(PackedWeights.PanelWidth, n - column);
                for (int b = firstBlock; b < endBlock; b++)
                {
                    int row = b * rowsPerBlock;
                    int rows = Math.Min(rowsPerBlock, m - row);
                    ref byte xBlock = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(packed), row * paddedK);
                    bool whole = rows == rowsPerBlock && columns == PackedWeights.PanelWidth;
                    ref int target = ref whole ? ref destination[row * n + column] : ref scratchStart;
                    TBlock.Compute(ref xBlock, paddedK, ref panel, quads, ref start, ref target, whole ? n : PackedWeights.PanelWidth);
                    if (!whole)
                    {
                        for (int i = 0; i < rows; i++)
                            scratch.Slice(i * PackedWeights.PanelWidth, columns).CopyTo(destination.Slice((row + i) * n + column, columns));
                    }
                }
            }
        }
    }
}
