using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.Runtime.Planning;

/// <summary>The graph's output as float32 logits: integers dequantized (<c>q · step</c>), floats as they are.</summary>
internal static class OutputLogits
{
    public static void Write(Frame frame, TensorSlot output, Span<float> logits)
    {
        if (output.IsFloat) frame.Floats(output).CopyTo(logits);
        else if (output.IsShort) Dequantizer.Apply(frame.Shorts(output), output.Type.Step, logits);
        else Dequantizer.Apply(frame.Bytes(output), output.Type.Step, logits);
    }
}
