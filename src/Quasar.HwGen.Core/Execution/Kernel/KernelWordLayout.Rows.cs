namespace Quasar.HwGen.Core.Execution.Kernel;

public static partial class KernelWordLayout
{
    /// <summary>The row tables of <paramref name="op"/> as words (§2), in the kernel's row order of <paramref name="tiling"/>.</summary>
    public static UInt128[] PackRows(KernelOp op, NibbleRowTiling tiling)
    {
        ArgumentNullException.ThrowIfNull(op);
        return PackRows(op.Call, tiling, op.Bias, op.Multiplier, op.Shift);
    }

    /// <summary>
    /// E = 1 (per tensor) or n words; entry p is row <see cref="NibbleRowTiling.KernelOrder"/>[p] (the kernel's row order,
    /// 8-bit rows first): bytes 0–3 bias, 4–7 multiplier (int32 LE), byte 8 shift, the rest zero. A per-tensor entry
    /// carries bias 0: the per-tensor stage has no bias (docs/hls-engine.md §1) whatever the table holds.
    /// </summary>
    public static UInt128[] PackRows(in GemmCall call, NibbleRowTiling tiling, ReadOnlySpan<int> bias, ReadOnlySpan<int> multiplier, ReadOnlySpan<byte> shift)
    {
        ArgumentNullException.ThrowIfNull(tiling);
        int entries = call.TableRows;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(entries, nameof(call));
        if (bias.Length < entries || multiplier.Length < entries || shift.Length < entries)
            throw new ArgumentException($"the row tables hold {bias.Length}/{multiplier.Length}/{shift.Length} bias/multiplier/shift entries, the call needs {entries}");
        var words = new UInt128[entries];
        for (int p = 0; p < entries; p++)
        {
            int r = call.PerTensor ? 0 : tiling.KernelOrder[p];
            uint b = call.PerTensor ? 0u : unchecked((uint)bias[r]);
            words[p] = b | ((UInt128)unchecked((uint)multiplier[r]) << 32) | ((UInt128)shift[r] << 64);
        }
        return words;
    }
}
