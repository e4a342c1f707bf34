using Quasar.HwGen.Core.Ir.Ops;

namespace Quasar.HwGen.Core.Ir;

/// <summary>Checks a graph's structure and every op's own rules. Run after construction and after every transformation.</summary>
public static class IrVerifier
{
    public static IReadOnlyList<IrDiagnostic> Verify(IrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var diagnostics = new List<IrDiagnostic>();
        var declared = new Dictionary<string, TensorType>(StringComparer.Ordinal);
        foreach (var tensor in graph.Tensors)
        {
            if (!declared.TryAdd(tensor.Name, tensor.Type))
                diagnostics.Add(new IrDiagnostic(IrDiagnosticCodes.DuplicateTensor, tensor.Name, "tensor is declared more than once"));
            // Every integer tensor, read by an op that checks its step or not: the runtime builds tables from all of them.
            else if (tensor.Type.IsInteger && !tensor.Type.HasUsableStep)
                diagnostics.Add(new IrDiagnostic(IrDiagnosticCodes.BadStep, tensor.Name, $"integer tensor has step {tensor.Type.Step}; {TensorType.StepRule}"));
        }

        var opNames = new HashSet<string>(StringComparer.Ordinal);
        var defined = new Dictionary<string, TensorType>(StringComparer.Ordinal);
        foreach (var op in graph.Ops)
        {
            if (!opNames.Add(op.Name))
                diagnostics.Add(new IrDiagnostic(IrDiagnosticCodes.DuplicateOpName, op.Name, "op name is used more than once"));
            foreach (var input in op.Inputs)
            {
                if (!declared.ContainsKey(input))
                    diagnostics.Add(new IrDiagnostic(IrDiagnosticCodes.UnknownTensor, op.Name, $"input '{input}' is not a tensor of the graph"));
                else if (!defined.ContainsKey(input))
                    diagnostics.Add(new IrDiagnostic(IrDiagnosticCodes.UseBeforeDefinition, op.Name, $"input '{input}' is used before the op that defines it"));
            }

            if (!declared.TryGetValue(op.Output, out var outputType))
                diagnostics.Add(new IrDiagnostic(IrDiagnosticCodes.UnknownTensor, op.Name, $"output '{op.Output}' is not a tensor of the graph"));
            else if (!defined.TryAdd(op.Output, outputType))
                diagnostics.Add(new IrDiagnostic(IrDiagnosticCodes.TensorDefinedTwice, op.Name, $"output '{op.Output}' is already defined by an earlier op"));

            var visible = new Dictionary<string, TensorType>(defined, StringComparer.Ordinal);
            op.Verify(new OpVerificationContext(op, visible, diagnostics));
            FiniteParameters.Verify(op, diagnostics);
        }

        if (!defined.ContainsKey(graph.Output))
            diagnostics.Add(new IrDiagnostic(IrDiagnosticCodes.GraphOutputUndefined, graph.Name, $"graph output '{graph.Output}' is not defined by any op"));
        return diagnostics;
    }

    /// <summary>Throws <see cref="IrVerificationException"/> listing every finding, naming the stage that produced the graph.</summary>
    public static IrGraph ThrowIfInvalid(IrGraph graph, string stage)
    {
        var diagnostics = Verify(graph);
        if (diagnostics.Count > 0) throw new IrVerificationException(stage, diagnostics);
        return graph;
    }
}
