namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>
/// Everything the word layout of one call needs, computed once: the logical call (its strides address the logical
/// arrays), the word call, the geometry, the derived sizes and the nibble-row tiling. Made by
/// <see cref="KernelWordLayout.Plan(in GemmCall, ReadOnlySpan{byte}, KernelGeometry)"/>.
/// </summary>
public sealed class KernelCallPlan
{
    internal KernelCallPlan(in GemmCall call, NibbleRowTiling tiling, KernelGeometry geometry)
    {
        Call = call;
        Tiling = tiling;
        Geometry = geometry;
        WordCall = new KernelWordCall(call.Batches, call.M, call.N, call.K, tiling.NibbleRows, call.OutBytes, call.OutMin, call.OutMax, call.Flags);
        Sizes = KernelWordSizes.Of(WordCall, geometry);
    }

    /// <summary>The logical call: dimensions, strides of the logical A, B and output, output stage, flags.</summary>
    public GemmCall Call { get; }

    /// <summary>The kernel's scalars.</summary>
    public KernelWordCall WordCall { get; }

    public KernelGeometry Geometry { get; }

    public KernelWordSizes Sizes { get; }

    public NibbleRowTiling Tiling { get; }
}
