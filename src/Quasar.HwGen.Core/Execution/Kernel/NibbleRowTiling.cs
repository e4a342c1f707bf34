namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>
/// Which nibble row sits in each slot of each row tile (docs/kernel-layout.md §3). The kernel's row order puts the
/// 8-bit rows first (each set in its own order); position p's row is <see cref="KernelOrder"/>[p], and the row tables
/// are written in that order. Positions are grouped TN at a time; a group holding 8-bit rows takes two tiles, its HIGH
/// passes (4-bit rows EMPTY) and then its LOW passes and 4-bit rows (ROW4), so an 8-bit row's two passes sit in the same
/// slot of consecutive tiles and only the second tile writes outputs; a group of 4-bit rows takes one ROW4 tile. Slots
/// past n are EMPTY. The weight packer walks it to place nibbles and the output unpacker to find which slot completes
/// which row, so the two cannot disagree. Immutable; built once per op (linear) or per call shape (attention).
/// </summary>
public sealed class NibbleRowTiling
{
    private readonly NibbleKind[] _kinds;
    private readonly int[] _rows;
    private readonly int[] _completingStart;
    private readonly int[] _completingSlots;
    private readonly int[] _completedRows;

    private readonly int[] _firstRows;

    private NibbleRowTiling(int outputRows, int nibbleRows, int tileRows, NibbleKind[] kinds, int[] rows, int[] firstRows, int[] kernelOrder)
    {
        _firstRows = firstRows;
        KernelOrder = kernelOrder;
        OutputRows = outputRows;
        NibbleRows = nibbleRows;
        TileRows = tileRows;
        RowTiles = kinds.Length / tileRows;
        _kinds = kinds;
        _rows = rows;
        _completingStart = new int[RowTiles + 1];
        _completingSlots = new int[outputRows];
        _completedRows = new int[outputRows];
        int count = 0;
        for (int tile = 0; tile < RowTiles; tile++)
        {
            _completingStart[tile] = count;
            for (int slot = 0; slot < tileRows; slot++)
            {
                var kind = kinds[tile * tileRows + slot];
                if (kind is not (NibbleKind.Row4 or NibbleKind.Low)) continue;
                _completingSlots[count] = slot;
                _completedRows[count] = rows[tile * tileRows + slot];
                count++;
            }
        }
        _completingStart[RowTiles] = count;
    }

    /// <summary>n: the output rows.</summary>
    public int OutputRows { get; }

    /// <summary>N': the nibble rows, n plus one per 8-bit row.</summary>
    public int NibbleRows { get; }

    /// <summary>TN: slots per tile.</summary>
    public int TileRows { get; }

    /// <summary>rt = ⌈n / TN⌉ + ⌈(N' − n) / TN⌉: a tile per group of TN rows, and a HIGH tile more per group holding 8-bit rows.</summary>
    public int RowTiles { get; }

    /// <summary>⌈n / TN⌉: the groups of TN rows, one writing tile each.</summary>
    public int OutputGroups => (OutputRows + TileRows - 1) / TileRows;

    /// <summary>The original row at each position of the kernel's row order (8-bit rows first): the row tables' order.</summary>
    public IReadOnlyList<int> KernelOrder { get; }

    /// <summary>Whether <paramref name="tile"/> writes outputs (every tile but a HIGH tile).</summary>
    public bool Writes(int tile) => _completingStart[tile + 1] > _completingStart[tile];

    /// <summary>The kinds of the TN slots of <paramref name="tile"/>.</summary>
    public ReadOnlySpan<NibbleKind> Kinds(int tile) => _kinds.AsSpan(tile * TileRows, TileRows);

    /// <summary>The output row of each slot of <paramref name="tile"/> (−1 for EMPTY slots).</summary>
    public ReadOnlySpan<int> Rows(int tile) => _rows.AsSpan(tile * TileRows, TileRows);

    /// <summary>The header's <c>first_row</c>: the kernel-order position of slot 0 (slot i holds position first_row + i).</summary>
    public int FirstRow(int tile) => _firstRows[tile];

    /// <summary>The slots of <paramref name="tile"/> that complete an output row (ROW4 and LOW), in slot order.</summary>
    public ReadOnlySpan<int> CompletingSlots(int tile) => _completingSlots.AsSpan(_completingStart[tile], _completingStart[tile + 1] - _completingStart[tile]);

    /// <summary>The output rows those slots complete, parallel to <see cref="CompletingSlots"/>.</summary>
    public ReadOnlySpan<int> CompletedRows(int tile) => _completedRows.AsSpan(_completingStart[tile], _completingStart[tile + 1] - _completingStart[tile]);

    /// <summary>Whether output row <paramref name="row"/> of <paramref name="call"/> is 8-bit: ALL_8BIT, else its row_is8 entry (entry 0 per tensor).</summary>
    public static bool IsEightBit(in GemmCall call, ReadOnlySpan<byte> rowIs8, int row) =>
        call.All8Bit || rowIs8[call.PerTensor ? 0 : row] != 0;

    /// <summary>N' of <paramref name="call"/>: Σ over its n rows of 2 for an 8-bit row, 1 for a 4-bit one.</summary>
    public static int CountNibbleRows(in GemmCall call, ReadOnlySpan<byte> rowIs8)
    {
        RequireTable(call, rowIs8);
        int count = 0;
        for (int r = 0; r < call.N; r++) count += IsEightBit(call, rowIs8, r) ? 2 : 1;
        return count;
    }

    /// <summary>The tiling of <paramref name="call"/>'s rows into tiles of <paramref name="tileRows"/> slots.</summary>
    public static NibbleRowTiling Create(in GemmCall call, ReadOnlySpan<byte> rowIs8, int tileRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tileRows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(call.N, nameof(call));
        int nibbleRows = CountNibbleRows(call, rowIs8), n = call.N, eightBit = nibbleRows - n;
        var order = new int[n];
        int next = 0;
        for (int r = 0; r < n; r++) if (IsEightBit(call, rowIs8, r)) order[next++] = r;
        for (int r = 0; r < n; r++) if (!IsEightBit(call, rowIs8, r)) order[next++] = r;

        int groups = (n + tileRows - 1) / tileRows, highTiles = (eightBit + tileRows - 1) / tileRows;
        int tiles = groups + highTiles;
        var kinds = new NibbleKind[checked(tiles * tileRows)];
        var rows = new int[kinds.Length];
        var firstRows = new int[tiles];
        rows.AsSpan().Fill(-1);
        int tile = 0;
        for (int g = 0; g < groups; g++)
        {
            int first = g * tileRows;
            bool paired = first < eightBit;
            for (int pass = paired ? 0 : 1; pass < 2; pass++, tile++)
            {
                firstRows[tile] = first;
                for (int slot = 0; slot < tileRows && first + slot < n; slot++)
                {
                    int position = first + slot, at = tile * tileRows + slot;
                    bool is8 = position < eightBit;
                    kinds[at] = pass == 0 ? (is8 ? NibbleKind.High : NibbleKind.Empty) : (is8 ? NibbleKind.Low : NibbleKind.Row4);
                    rows[at] = kinds[at] == NibbleKind.Empty ? -1 : order[position];
                }
            }
        }
        return new NibbleRowTiling(n, nibbleRows, tileRows, kinds, rows, firstRows, order);
    }

    private static void RequireTable(in GemmCall call, ReadOnlySpan<byte> rowIs8)
    {
        if (!call.All8Bit && rowIs8.Length < call.TableRows)
            throw new ArgumentException($"the row_is8 table has {rowIs8.Length} entries, the call needs {call.TableRows}", nameof(rowIs8));
    }
}
