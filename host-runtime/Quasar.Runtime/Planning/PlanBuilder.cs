using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;
using Quasar.Runtime.Steps;

namespace Quasar.Runtime.Planning;

/// <summary>
/// Turns a verified IR graph into a plan: every FPGA op loaded on the accelerator once, host ops fused into single
/// passes where a fused kernel exists (<see cref="HostFusion"/>), the rest through the Core's reference.
/// </summary>
internal static class PlanBuilder
{
    public static ExecutionPlan Build(IrGraph graph, ModelInput input, IAccelerator accelerator, SessionOptions options)
    {
        var slots = graph.Tensors.Select((t, i) => new TensorSlot(i, t.Name, t.Type)).ToDictionary(s => s.Name, StringComparer.Ordinal);
        var graphInfo = new GraphUses(graph);
        var steps = new List<IStep>();
        var absorbed = new HashSet<IrOp>();
        foreach (var op in graph.Ops)
        {
            if (absorbed.Contains(op)) continue;
            var inputs = op.Inputs.Select(name => slots[name]).ToArray();
            var written = slots[op.Output];
            if (op.Placement == Placement.Fpga)
            {
                var loaded = accelerator.Load(KernelOpMapper.Map(op, name => slots[name].Type));
                steps.Add(new AcceleratorStep(loaded, inputs[0], inputs.Length > 1 ? inputs[1] : null, written));
                continue;
            }
            if (options.Fuse && HostFusion.TryFuse(op, graphInfo, slots, options, out var fused, out var consumed))
            {
                steps.Add(fused);
                absorbed.UnionWith(consumed);
                continue;
            }
            steps.Add(new ReferenceStep(op, inputs, written));
        }
        var output = slots[graph.Output];
        return new ExecutionPlan(steps, BufferSharing.Groups(steps, output), slots.Count, output, input.Bytes);
    }
}
