using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Vitis.Projects;
using Quasar.HwGen.Vitis.SoftwareEmulation;
using Quasar.Runtime;
using Quasar.Runtime.Emulation;
using Quasar.Runtime.Xrt;

namespace Quasar.HwGen.Cli.Verbs.RunReport;

/// <summary>
/// A generated project on its sw-emu device (`quasar sw-emu`, then the runtime through XRT's C API, in this process)
/// against the C# emulation on the same images: the index of the first logit whose bits differ, or null when none does.
/// </summary>
internal static class SoftwareEmulationCheck
{
    public sealed record Outcome(string Xclbin, int Images, int? FirstDifference);

    public static Outcome Run(HlsProject project, IrGraph graph, LabeledImages images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var xclbin = SoftwareEmulationCommand.BuildAsync(project, SoftwareDeviceTarget.Native, null, CancellationToken.None).GetAwaiter().GetResult();
        var library = Path.Combine(Path.GetDirectoryName(xclbin)!, SoftwareDeviceBuilder.LibraryName);
        using var swEmu = new InferenceSession(graph, XrtAccelerator.Open(library, xclbin));
        using var emu = new InferenceSession(graph, new EmulatedAccelerator());
        var actual = new float[images.Count * swEmu.Classes];
        var expected = new float[images.Count * emu.Classes];
        swEmu.Run(images.Count, i => images.Image(i).ToArray(), actual);
        emu.Run(images.Count, i => images.Image(i).ToArray(), expected);
        for (int i = 0; i < actual.Length; i++)
            if (BitConverter.SingleToInt32Bits(actual[i]) != BitConverter.SingleToInt32Bits(expected[i])) return new Outcome(xclbin, images.Count, i);
        return new Outcome(xclbin, images.Count, null);
    }
}
