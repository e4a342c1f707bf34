using Quasar.HwGen.Core.Execution;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Core.Ir;

namespace Quasar.HwGen.Codegen.Golden;

/// <summary>
/// Runs images through the IR on an engine (the C# emulation by default) and keeps every FPGA call as golden vectors,
/// in the words of <see cref="KernelWordLayout"/> for the engine's geometry.
/// </summary>
public static class GoldenRecorder
{
    public static GoldenVectors Record(IrGraph graph, IReadOnlyList<byte[]> images, KernelGeometry geometry, IFpgaEngine? engine = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(geometry);
        var ops = KernelOpMapper.Map(graph);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < ops.Count; i++) index[ops[i].Name] = i;

        var recording = new RecordingEngine(engine ?? new EmulatedEngine());
        var interpreter = new IrInterpreter(graph, recording);
        for (int image = 0; image < images.Count; image++)
        {
            recording.Image = image;
            interpreter.RunAll(images[image]);
        }
        return FromRecording(ops, index, recording.Calls, geometry);
    }

    /// <summary>Golden vectors of calls recorded by a <see cref="RecordingEngine"/> on the ops of <paramref name="ops"/>.</summary>
    public static GoldenVectors FromRecording(IReadOnlyList<KernelOp> ops, IReadOnlyDictionary<string, int> opIndex, IReadOnlyList<RecordedCall> calls,
        KernelGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(ops);
        ArgumentNullException.ThrowIfNull(opIndex);
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(geometry);
        var words = ops.Select(op => KernelOpWords.Pack(op, geometry)).ToList();
        var goldenOps = words.Select(w => new GoldenOp(w.Op.Name, w.Op.Output, w.Op.Kind, w.Plan(w.Op.Call).WordCall, w.Weights, w.Rows)).ToList();
        var golden = new List<GoldenCall>(calls.Count);
        foreach (var call in calls)
        {
            int i = opIndex[call.Op.Name];
            var op = ops[i];
            var plan = words[i].Plan(op.Call);
            var (a, b) = KernelOpMapper.Operands(op, call.Inputs);
            golden.Add(new GoldenCall(i, call.Image, KernelWordLayout.PackA(plan, a), op.TakesBPerCall ? KernelWordLayout.PackWeights(plan, b) : [],
                KernelWordLayout.PackOutput(plan, KernelBytes.FromTensor(call.Output))));
        }
        return new GoldenVectors(geometry, goldenOps, golden);
    }
}
