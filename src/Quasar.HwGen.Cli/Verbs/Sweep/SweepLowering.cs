using Quasar.HwGen.Core.Ir.Package;
using Quasar.HwGen.Core.Lowering;

namespace Quasar.HwGen.Cli.Verbs.Sweep;

/// <summary>
/// A design given as a subnet, lowered as `quasar lower --subnet S --seed 1` would: random weights, the shipped
/// calibration images. A synthesis sweep needs the subnet's shapes, and its csim/cosim golden data come from the same
/// package, so trained weights would change no figure it collects.
/// </summary>
internal static class SweepLowering
{
    public static string Lower(string subnetFile, string package)
    {
        var (net, space) = ConfigArguments.Subnet(subnetFile, null);
        var architecture = VitArchitecture.FromSubnet(net, space);
        var images = CalibrationImages.Load(null, architecture, 8);
        var metadata = new Dictionary<string, string>
        {
            ["search_space"] = space.Name,
            ["subnet"] = net.Summary(space),
            ["weights"] = "random, seed 1 (quasar sweep)",
        };
        var graph = VitLowering.Lower(RandomVitInitializer.Create(architecture, 1), images, metadata, name: space.Name);
        IrPackage.Write(package, graph, true);
        return package;
    }
}
