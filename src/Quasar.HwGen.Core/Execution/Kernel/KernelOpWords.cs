namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>
/// The words of a kernel op that all its calls share: the nibble-row tiling, the row tables and, for a linear, the
/// weight stream (packed once per model, not per call). Attention takes its weight stream per call
/// (<see cref="KernelWordLayout.PackWeights(KernelCallPlan, ReadOnlySpan{sbyte})"/> on <see cref="Plan"/>).
/// </summary>
public sealed class KernelOpWords
{
    private KernelOpWords(KernelOp op, KernelGeometry geometry, NibbleRowTiling tiling, UInt128[] rows, UInt128[] weights)
    {
        Op = op;
        Geometry = geometry;
        Tiling = tiling;
        Rows = rows;
        Weights = weights;
    }

    public KernelOp Op { get; }

    public KernelGeometry Geometry { get; }

    public NibbleRowTiling Tiling { get; }

    /// <summary>The <c>rows</c> words.</summary>
    public UInt128[] Rows { get; }

    /// <summary>The <c>w</c> words of a linear; empty for attention.</summary>
    public UInt128[] Weights { get; }

    public static KernelOpWords Pack(KernelOp op, KernelGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(geometry);
        var tiling = NibbleRowTiling.Create(op.Call, op.RowIs8, geometry.TileRows);
        var weights = op.TakesBPerCall ? [] : KernelWordLayout.PackWeights(KernelWordLayout.Plan(op.Call, tiling, geometry), op.Weights);
        return new KernelOpWords(op, geometry, tiling, KernelWordLayout.PackRows(op, tiling), weights);
    }

    /// <summary>The plan of one call of the op (<paramref name="call"/> may differ from the op's in m and strides, not in its rows).</summary>
    public KernelCallPlan Plan(in GemmCall call) => KernelWordLayout.Plan(call, Tiling, Geometry);
}
