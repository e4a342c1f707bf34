using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;

namespace Quasar.Runtime.Planning;

/// <summary>Who reads each tensor: a host op can be fused with its only reader.</summary>
internal sealed class GraphUses(IrGraph graph)
{
    private readonly ILookup<string, IrOp> _readers = graph.Ops
        .SelectMany(op => op.Inputs.Distinct().Select(input => (input, op)))
        .ToLookup(x => x.input, x => x.op, StringComparer.Ordinal);

    /// <summary>The op that alone reads <paramref name="tensor"/>, when it is of type <typeparamref name="T"/> and the tensor is not the graph's output.</summary>
    public T? OnlyReader<T>(string tensor) where T : IrOp =>
        tensor != graph.Output && _readers[tensor].Count() == 1 ? _readers[tensor].Single() as T : null;
}
