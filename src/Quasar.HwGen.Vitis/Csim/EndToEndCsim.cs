using Quasar.HwGen.Core.Execution;
using Quasar.HwGen.Core.Ir;

namespace Quasar.HwGen.Vitis.Csim;

/// <summary>
/// A whole model through the g++-built kernel and through the C# emulation: per image, the logits of both runs (host ops
/// identical, FPGA ops by each backend) compared bit for bit. An image whose logits differ is rerun op by op with a
/// <see cref="CrossCheckEngine"/>, so the report names the first FPGA op, tensor and element that differ.
/// </summary>
public static class EndToEndCsim
{
    public static EndToEndResult Run(IrGraph graph, CompiledKernelEngine kernel, IReadOnlyList<byte[]> images, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(images);
        var emulation = new EmulatedEngine();
        var emulated = new IrInterpreter(graph, emulation);
        var compiled = new IrInterpreter(graph, kernel);
        long callsBefore = kernel.Calls;
        for (int i = 0; i < images.Count; i++)
        {
            var expected = emulated.Run(images[i]);
            var actual = compiled.Run(images[i]);
            if (!BitwiseEqual(expected, actual))
            {
                var check = new CrossCheckEngine(emulation, kernel) { Image = i };
                try
                {
                    new IrInterpreter(graph, check).Run(images[i]);
                }
                catch (KernelMismatchException mismatch)
                {
                    return new EndToEndResult(i, kernel.Calls - callsBefore, mismatch.Message);
                }
                return new EndToEndResult(i, kernel.Calls - callsBefore, $"image {i}: logits differ but every FPGA op agrees on a rerun (nondeterminism?)");
            }
            progress?.Report(i + 1);
        }
        return new EndToEndResult(images.Count, kernel.Calls - callsBefore, null);
    }

    private static bool BitwiseEqual(float[] a, float[] b)
    {
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(a[i]) != BitConverter.SingleToInt32Bits(b[i])) return false;
        }
        return true;
    }
}
