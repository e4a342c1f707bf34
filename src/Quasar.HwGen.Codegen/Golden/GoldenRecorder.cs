using Quasar.HwGen.Core.Execution;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Core.Ir;

namespace Quasar.HwGen.Codegen.Golden;

/// <summary>Runs images through the IR on an engine (the C# emulation by default) and keeps every FPGA call as golden vectors.</summary>
public static class GoldenRecorder
{
    public static GoldenVectors Record(IrGraph graph, IReadOnlyList<byte[]> images, IFpgaEngine? engine = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(images);
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
        return FromRecording(ops, index, recording.Calls);
    }

    /// <summary>Golden vectors of calls recorded by a <see cref="RecordingEngine"/> on the ops of <paramref name="ops"/>.</summary>
    public static GoldenVectors FromRecording(IReadOnlyList<KernelOp> ops, IReadOnlyDictionary<string, int> opIndex, IReadOnlyList<RecordedCall> calls)
    {
        ArgumentNullException.ThrowIfNull(ops);
        ArgumentNullException.ThrowIfNull(opIndex);
        ArgumentNullException.ThrowIfNull(calls);
        var golden = new List<GoldenCall>(calls.Count);
        foreach (var call in calls)
        {
            int i = opIndex[call.Op.Name];
            var (a, b) = KernelOpMapper.Operands(ops[i], call.Inputs);
            golden.Add(new GoldenCall(i, call.Image, Bytes(a), ops[i].TakesBPerCall ? Bytes(b) : [], KernelBytes.FromTensor(call.Output)));
        }
        return new GoldenVectors(ops, golden);
    }

    private static byte[] Bytes(sbyte[] values) => System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
}
