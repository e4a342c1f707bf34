using Quasar.HwGen.Core.Numerics;

namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>
/// A C# model of the streaming kernel on its words (docs/kernel-layout.md): it reads A, <c>rows</c> and the weight stream
/// as the engine does (tile headers decoded into slot kinds and a first row, nibbles sign- or zero-extended by kind, a
/// HIGH slot's sums held until its LOW slot, in the next tile if need be), computes with the numerics of
/// <see cref="GemmReference"/> and <see cref="OutputStage.Requantize"/>, and writes one element per slot. Written from
/// the contract apart from <see cref="KernelWordLayout"/>, so that unpack(Run(pack(x))) = <see cref="StridedGemm"/>(x)
/// checks the layout against a second reading of the contract. Plain loops: a specification, not a fast path.
/// </summary>
public static class WordGemm
{
    private const int WordBits = 128;

    /// <summary>The status the kernel returns before touching memory, in the contract's order: 4, 3, 1, 2, 6.</summary>
    public static int Check(in KernelWordCall call, GemmLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (call.Batches <= 0 || call.M <= 0 || call.N <= 0 || call.K <= 0) return GemmStatus.NonPositiveDimension;
        if (call.OutBytes is not (1 or 2)) return GemmStatus.BadOutputBytes;
        if (call.K > limits.MaxReduction) return GemmStatus.ReductionTooLong;
        if (!call.PerTensor && call.N > limits.MaxRows) return GemmStatus.TooManyRows;
        if (call.NibbleRows < call.N || call.NibbleRows > 2L * call.N) return GemmStatus.NibbleRowsOutOfRange;
        return GemmStatus.Ok;
    }

    /// <summary>One call into a new output array (empty when the status is not 0).</summary>
    public static (int Status, UInt128[] Output) Run(in KernelWordCall call, KernelGeometry geometry,
        ReadOnlySpan<UInt128> a, ReadOnlySpan<UInt128> w, ReadOnlySpan<UInt128> rows, GemmLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        int status = Check(call, limits ?? GemmLimits.Unbounded);
        if (status != GemmStatus.Ok) return (status, []);
        var output = new UInt128[checked(call.Batches * call.M * Up(call.N, geometry.TileRows) * Up(geometry.TileRows * call.OutBytes, 16))];
        return (Run(call, geometry, a, w, rows, output, limits), output);
    }

    /// <summary>
    /// One call. Returns the kernel's status; on a nonzero status nothing is written. Words of <paramref name="output"/>
    /// past the call's are left as they are.
    /// </summary>
    public static int Run(in KernelWordCall call, KernelGeometry geometry,
        ReadOnlySpan<UInt128> a, ReadOnlySpan<UInt128> w, ReadOnlySpan<UInt128> rows, Span<UInt128> output, GemmLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        int status = Check(call, limits ?? GemmLimits.Unbounded);
        if (status != GemmStatus.Ok) return status;

        int m = call.M, k = call.K, tm = geometry.TileTokens, tn = geometry.TileRows, tk = geometry.TileReduction;
        // Row tiles (docs/kernel-layout.md §3): a group of TN rows in the kernel's row order takes a HIGH tile before
        // the tile that completes it while it holds 8-bit rows; only completing tiles write.
        int groups = Up(call.N, tn), highTiles = Up(call.NibbleRows - call.N, tn);
        int kw = Up(k, 16), kt = Up(k, tk), cw = Up(tn * tk, 32), hw = Up(32 + 2 * tn, WordBits), rt = groups + highTiles;
        int ow = Up(tn * call.OutBytes, 16), tileWords = hw + kt * cw, entries = call.PerTensor ? 1 : call.N, lanes = kt * tk;
        Require(a.Length, (long)call.Batches * m * kw, "a");
        Require(w.Length, (long)call.Batches * rt * tileWords, "w");
        Require(rows.Length, entries, "rows");
        Require(output.Length, (long)call.Batches * m * groups * ow, "out");

        var (bias, multiplier, shift) = ReadTables(rows[..entries]);
        var x = new int[tm * lanes];
        var weights = new int[tn * lanes];
        var kinds = new NibbleKind[tn];
        var highSums = new int[tm * tn];
        for (int h = 0; h < call.Batches; h++)
        {
            for (int t0 = 0; t0 < m; t0 += tm)
            {
                int tokens = Math.Min(tm, m - t0);
                ReadActivations(a, (h * m + t0) * kw, tokens, k, kw, lanes, x);
                Array.Clear(highSums);
                for (int tile = 0, group = 0; tile < rt; tile++)
                {
                    bool writes = !(tile < 2 * highTiles && tile % 2 == 0);
                    int tileStart = (h * rt + tile) * tileWords;
                    int firstRow = Field(w, tileStart, 0, 32);
                    for (int s = 0; s < tn; s++) kinds[s] = (NibbleKind)Field(w, tileStart, 32 + 2 * s, 2);
                    ReadChunks(w, tileStart + hw, kt, cw, tn, tk, kinds, weights);
                    for (int t = 0; t < tokens; t++)
                    {
                        int outStart = ((h * m + t0) * groups + group * tokens + t) * ow;
                        if (writes) output.Slice(outStart, ow).Clear();
                        for (int s = 0; s < tn; s++)
                        {
                            if (kinds[s] == NibbleKind.Empty) continue;
                            int sum = Dot(x.AsSpan(t * lanes, lanes), weights.AsSpan(s * lanes, lanes));
                            if (kinds[s] == NibbleKind.High)
                            {
                                highSums[t * tn + s] = sum;
                                continue;
                            }
                            if (!writes) throw new InvalidDataException($"tile {tile} of batch {h} is a HIGH tile, but slot {s} completes a row");
                            int acc = kinds[s] == NibbleKind.Low ? (highSums[t * tn + s] << 4) + sum : sum;
                            // Slot s holds the row at position first_row + s of the kernel's row order (the tables' order).
                            int row = firstRow + s, e = call.PerTensor ? 0 : row;
                            if (e >= entries) throw new InvalidDataException($"tile {tile} of batch {h} completes row {row}, past the {entries} entries of rows");
                            int value = OutputStage.Requantize(acc, bias[e], multiplier[e], shift[e], call.OutMin, call.OutMax);
                            PutElement(output.Slice(outStart, ow), s, call.OutBytes, value);
                        }
                    }
                    if (writes) group++;
                }
            }
        }
        return GemmStatus.Ok;
    }

    /// <summary>Entry r: bias bits [31:0], multiplier [63:32], shift [71:64].</summary>
    private static (int[] Bias, int[] Multiplier, int[] Shift) ReadTables(ReadOnlySpan<UInt128> rows)
    {
        var bias = new int[rows.Length];
        var multiplier = new int[rows.Length];
        var shift = new int[rows.Length];
        for (int r = 0; r < rows.Length; r++)
        {
            bias[r] = Field(rows, r, 0, 32);
            multiplier[r] = Field(rows, r, 32, 32);
            shift[r] = Field(rows, r, 64, 8);
        }
        return (bias, multiplier, shift);
    }

    /// <summary>The token rows of one token tile: byte j of a row is activation j, a 6-bit value sign-extended to 8 bits; lanes past k are 0.</summary>
    private static void ReadActivations(ReadOnlySpan<UInt128> a, int firstWord, int tokens, int k, int kw, int lanes, int[] x)
    {
        Array.Clear(x);
        for (int t = 0; t < tokens; t++)
        {
            for (int j = 0; j < k; j++)
            {
                int value = (sbyte)Field(a, firstWord + t * kw, 8 * j, 8);
                if (value is < QuantFormats.ActivationMin or > QuantFormats.ActivationMax)
                    throw new ArgumentOutOfRangeException(nameof(a), value, $"activation {j} of token row {firstWord / kw + t} is outside the 6-bit range");
                x[t * lanes + j] = value;
            }
        }
    }

    /// <summary>A tile's kt chunks: nibble (slot s, lane l) of chunk c at nibble s·TK + l; LOW unsigned, ROW4 and HIGH signed.</summary>
    private static void ReadChunks(ReadOnlySpan<UInt128> w, int firstWord, int chunks, int chunkWords, int tn, int tk, NibbleKind[] kinds, int[] weights)
    {
        int lanes = chunks * tk;
        for (int s = 0; s < tn; s++)
        {
            for (int c = 0; c < chunks; c++)
            {
                for (int l = 0; l < tk; l++)
                {
                    int raw = Field(w, firstWord + c * chunkWords, 4 * (s * tk + l), 4);
                    weights[s * lanes + c * tk + l] = kinds[s] == NibbleKind.Low ? raw : (raw ^ 8) - 8;
                }
            }
        }
    }

    private static int Dot(ReadOnlySpan<int> x, ReadOnlySpan<int> w)
    {
        int sum = 0;
        for (int j = 0; j < x.Length; j++) sum += x[j] * w[j];
        return sum;
    }

    /// <summary>Element <paramref name="slot"/> at bytes [slot·bytes, (slot+1)·bytes) of the token's output words, two's complement.</summary>
    private static void PutElement(Span<UInt128> words, int slot, int bytes, int value)
    {
        int bit = 8 * slot * bytes;
        UInt128 bits = (uint)value & (bytes == 2 ? 0xFFFFu : 0xFFu);
        words[bit / WordBits] |= bits << (bit % WordBits);
    }

    /// <summary>Bits [bit + width − 1 : bit] of the words from <paramref name="firstWord"/> on (a field never crosses a word).</summary>
    private static int Field(ReadOnlySpan<UInt128> words, int firstWord, int bit, int width)
    {
        var word = words[firstWord + bit / WordBits];
        return unchecked((int)(uint)(ulong)((word >> (bit % WordBits)) & (UInt128.One << width) - 1));
    }

    private static int Up(int value, int divisor) => checked((value + divisor - 1) / divisor);

    private static void Require(int length, long needed, string array)
    {
        if (length < needed) throw new ArgumentException($"{array} holds {length} words, the call needs {needed}", array);
    }
}
