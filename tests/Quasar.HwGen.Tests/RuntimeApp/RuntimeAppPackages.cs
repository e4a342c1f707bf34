using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Ir.Package;
using Quasar.HwGen.Core.Lowering;
using Quasar.HwGen.Tests.Codegen;
using Quasar.Runtime.App.Inputs;

namespace Quasar.HwGen.Tests.RuntimeApp;

/// <summary>
/// IR packages for the quasar-run tests, lowered here with random weights: this project has no TorchSharp to load the
/// shipped checkpoint (`./build.sh Arm64` runs that one).
/// </summary>
internal static class RuntimeAppPackages
{
    /// <summary>The largest Fashion-MNIST subnet (1×28×28 in, 10 classes), random weights, calibrated on 2 sample images.</summary>
    public static string FashionMnistLargest(string directory)
    {
        var path = Path.Combine(directory, "fashion-mnist.largest.qir");
        IrPackage.Write(path, CodegenFixtures.Lower(Subnet.Largest(CodegenFixtures.FashionMnist), seed: 11));
        return path;
    }

    /// <summary>The QUASAR-S-like ImageNet-scale subnet (3×224×224 in), random weights, calibrated on one random image.</summary>
    public static string QuasarSLike(string directory)
    {
        var subnet = SampleConfigs.LoadSubnet(SampleConfigs.QuasarSLike);
        var architecture = VitArchitecture.FromSubnet(subnet, SampleConfigs.LoadSearchSpace(subnet.SpaceName));
        var calibration = new byte[architecture.Channels * architecture.ImageSize * architecture.ImageSize];
        new SplitMix64(seed: 5).Fill(calibration);
        var path = Path.Combine(directory, "quasar-s-like.qir");
        IrPackage.Write(path, VitLowering.Lower(RandomVitInitializer.Create(architecture, seed: 1), [calibration], name: subnet.SpaceName));
        return path;
    }
}
