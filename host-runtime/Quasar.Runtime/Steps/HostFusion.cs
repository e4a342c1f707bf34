using Quasar.HwGen.Core.Ir.Ops;
using Quasar.Runtime.Planning;

namespace Quasar.Runtime.Steps;

/// <summary>The host ops that run as one fused pass, recognised in the graph.</summary>
internal static class HostFusion
{
    public static bool TryFuse(IrOp op, GraphUses uses, IReadOnlyDictionary<string, TensorSlot> slots, SessionOptions options,
        out IStep step, out IReadOnlyList<IrOp> consumed)
    {
        step = null!;
        consumed = [];
        return false;
    }
}
