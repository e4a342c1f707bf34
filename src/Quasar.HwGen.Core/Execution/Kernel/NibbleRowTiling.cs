namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>
/// Which nibble row sits in each slot of each row tile (docs/kernel-layout.md §3): output row r gives HIGH(r), LOW(r)
/// when it is 8-bit, ROW4(r) when 4-bit; nibble row q goes to tile ⌊q/TN⌋, slot q mod TN; the last tile's unused slots
/// are EMPTY. The weight packer walks it to place nibbles and the output unpacker to find which slot completes which
/// row, so the two cannot disagree. Immutable; built once per op (linear) or per call shape (attention).
/// </summary>
public sealed class NibbleRowTiling
{
    private readonly NibbleKind[] _kinds;
    private readonly int[] _rows;
    private readonly int[] _completingStart;
    private readonly int[] _completingSlots;
    private readonly int[] _completedRows;

    private NibbleRowTiling(int outputRows, int nibbleRows, int tileRows, NibbleKind[] kinds, int[] rows)
    {
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

    /// <summary>rt = ⌈N' / TN⌉.</summary>
    public int RowTiles { get; }

    /// <summary>The kinds of the TN slots of <paramref name="tile"/>.</summary>
    public ReadOnlySpan<NibbleKind> Kinds(int tile) => _kinds.AsSpan(tile * TileRows, TileRows);

    /// <summary>The output row of each slot of <paramref name="tile"/> (−1 for EMPTY slots).</summary>
    public ReadOnlySpan<int> Rows(int tile) => _rows.AsSpan(tile * TileRows, TileRows);

    /// <summary>The header's <c>first_row</c>: the output row of slot 0.</summary>
    public int FirstRow(int tile) => _rows[tile * TileRows];

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
        int nibbleRows = CountNibbleRows(call, rowIs8);
        int slots = checked((nibbleRows + tileRows - 1) / tileRows * tileRows);
        var kinds = new NibbleKind[slots];
        var rows = new int[slots];
        rows.AsSpan().Fill(-1);
        int q = 0;
        for (int r = 0; r < call.N; r++)
        {
            if (IsEightBit(call, rowIs8, r))
            {
                (kinds[q], rows[q]) = (NibbleKind.High, r);
                q++;
                (kinds[q], rows[q]) = (NibbleKind.Low, r);
            }
            else
            {
                (kinds[q], rows[q]) = (NibbleKind.Row4, r);
            }
            q++;
        }
        return new NibbleRowTiling(call.N, nibbleRows, tileRows, kinds, rows);
    }

    private static void RequireTable(in GemmCall call, ReadOnlySpan<byte> rowIs8)
    {
        if (!call.All8Bit && rowIs8.Length < call.TableRows)
            throw new ArgumentException($"the row_is8 table has {rowIs8.Length} entries, the call needs {call.TableRows}", nameof(rowIs8));
    }
}
