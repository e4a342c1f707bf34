using Quasar.HwGen.Core.Ir.Ops;

namespace Quasar.HwGen.Core.Ir;

/// <summary>
/// The per-image inference graph of one subnet: tensors, ops in execution order (each op defines one tensor), and the
/// tensor holding the result. Metadata carries provenance (search space, subnet, checkpoint) as plain strings.
/// </summary>
public sealed record IrGraph(
    string Name,
    IReadOnlyList<TensorValue> Tensors,
    IReadOnlyList<IrOp> Ops,
    string Output,
    IReadOnlyDictionary<string, string> Metadata)
{
    public TensorValue Tensor(string name) =>
        Tensors.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"graph '{Name}' has no tensor '{name}'");

    public IEnumerable<IrOp> OpsOn(Placement placement) => Ops.Where(op => op.Placement == placement);
}
