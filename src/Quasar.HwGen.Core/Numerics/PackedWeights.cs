namespace Quasar.HwGen.Core.Numerics;

/// <summary>
/// A GEMM's weight matrix [N × K] (int8, any mix of 4-bit and 8-bit rows) prepared once for <see cref="GemmEngine"/>
/// and reused for every input. Holds the row-major weights for the scalar path, the same weights in panels for the
/// vector paths, and the offset each output row needs because the vector paths multiply unsigned activations.
/// </summary>
/// <remarks>
/// Panel layout: output rows are grouped by <see cref="PanelWidth"/>; inside a panel, for each group of four k
/// (a "quad"), the four bytes of each of the panel's rows follow each other:
/// <c>Panels[((p·PaddedK/4 + q)·PanelWidth + j)·4 + i] = w[p·PanelWidth + j, 4q + i]</c>. Rows beyond N and k beyond
/// K are zero, so the kernels never need a tail.
/// </remarks>
public sealed class PackedWeights
{
    /// <summary>Output rows per panel: four 256-bit or two 512-bit int32 accumulators.</summary>
    internal const int PanelWidth = 32;

    /// <summary>K is padded to a multiple of this: the kernels consume two quads per step.</summary>
    internal const int KAlignment = 8;

    /// <summary>The offset added to every activation so that it is unsigned: [−32, 31] → [0, 63].</summary>
    internal const int ActivationOffset = -QuantFormats.ActivationMin;

    private readonly sbyte[] _rows;
    private readonly int[] _rowSums;

    private PackedWeights(int n, int k, sbyte[] rows)
    {
        N = n;
        K = k;
        PaddedK = (k + KAlignment - 1) / KAlignment * KAlignment;
        PanelCount = (n + PanelWidth - 1) / PanelWidth;
        _rows = rows;
        _rowSums = new int[n];
        Panels = new sbyte[PanelCount * PanelWidth * PaddedK];
        AccumulatorStart = new int[PanelCount * PanelWidth];
        for (int r = 0; r < n; r++)
        {
            int sum = 0;
            for (int j = 0; j < k; j++)
            {
                sbyte value = rows[r * k + j];
                sum += value;
                int panel = r / PanelWidth, column = r % PanelWidth, quad = j / 4, byteInQuad = j % 4;
                Panels[((panel * (PaddedK / 4) + quad) * PanelWidth + column) * 4 + byteInQuad] = value;
            }
            _rowSums[r] = sum;
            AccumulatorStart[r] = -ActivationOffset * sum;
        }
    }

    /// <summary>Output rows (the GEMM's N).</summary>
    public int N { get; }

    /// <summary>Reduction length (the GEMM's K).</summary>
    public int K { get; }

    /// <summary>K rounded up to a multiple of <see cref="KAlignment"/>.</summary>
    public int PaddedK { get; }

    /// <summary>Σ_k w[r, k] per output row.</summary>
    public ReadOnlySpan<int> RowSums => _rowSums;

    /// <summary>The row-major weights [N × K] as given.</summary>
    public ReadOnlySpan<sbyte> Rows => _rows;

    internal int PanelCount { get; }

    internal sbyte[] Panels { get; }

    /// <summary>Per padded output row, <c>−32·rowsum</c>: the vector kernels start their accumulators here, so that
    /// <c>Σ (x + 32)·w − 32·Σ w = Σ x·w</c>.</summary>
    internal int[] AccumulatorStart { get; }

    /// <summary>Packs row-major <paramref name="weights"/> [n × k].</summary>
    public static PackedWeights Pack(ReadOnlySpan<sbyte> weights, int n, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (weights.Length != (long)n * k)
            throw new ArgumentException($"weights have {weights.Length} elements, {n}×{k} expected", nameof(weights));
        return new PackedWeights(n, k, weights.ToArray());
    }
}
