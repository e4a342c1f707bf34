using Quasar.HwGen.Codegen.Engine;
using Quasar.HwGen.Codegen.Project;
using Quasar.HwGen.Codegen.Templates;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Package;
using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Tests.Codegen;
using Quasar.HwGen.Tests.Csim;
using Quasar.HwGen.Vitis.Csim;
using Quasar.HwGen.Vitis.Projects;
using Quasar.Runtime;
using Quasar.Runtime.Emulation;
using Quasar.Runtime.Xrt;

namespace Quasar.HwGen.Tests.Xrt;

/// <summary>
/// The runtime on the sw-emu device (the generated kernel compiled by g++, driven through the XRT layer) computes the
/// logits of the C# emulation bit for bit, and refuses a model that does not fit the xclbin's engine.
/// </summary>
[TestFixture]
[Category("NeedsGpp")]
public sealed class XrtAcceleratorTests
{
    private TemporaryDirectory _directory = null!;
    private IrGraph _graph = null!;
    private EngineConfig _engine = null!;
    private string _xclbin = null!;

    [OneTimeSetUp]
    public async Task Generate()
    {
        _directory = new TemporaryDirectory();
        _graph = CodegenFixtures.SmallGraph;
        IrPackage.Write(_directory.File("package"), _graph);
        (_xclbin, _engine) = await SoftwareEmulationFolder.CreateAsync(_directory.File("package"), _directory.Path);
    }

    [OneTimeTearDown]
    public void Delete() => _directory.Dispose();

    /// <summary>The full path of the kernel the xclbin names (relative to the xclbin's folder).</summary>
    private string KernelLibrary => Path.Combine(Path.GetDirectoryName(_xclbin)!, XclbinFile.Read(_xclbin).Metadata["library"]);

    [TestCase(1)]
    [TestCase(2)]
    public void Logits_on_sw_emu_equal_the_emulation_bit_for_bit(int framesInFlight)
    {
        var random = new Random(21);
        var images = Enumerable.Range(0, 12).Select(_ => KernelSweep.RandomImage(CodegenFixtures.FashionMnist, random)).ToArray();
        using var swEmu = new InferenceSession(_graph, XrtAccelerator.Open(SoftwareDevice.Library, _xclbin), new SessionOptions { FramesInFlight = framesInFlight });
        using var emu = new InferenceSession(_graph, new EmulatedAccelerator());

        var actual = new float[images.Length * swEmu.Classes];
        var expected = new float[images.Length * emu.Classes];
        swEmu.Run(images.Length, i => images[i], actual);
        emu.Run(images.Length, i => images[i], expected);

        Assert.That(swEmu.Accelerator.Name, Is.EqualTo("sw-emu"));
        Assert.That(actual.Select(BitConverter.SingleToInt32Bits), Is.EqualTo(expected.Select(BitConverter.SingleToInt32Bits)));
    }

    [Test]
    public void A_model_larger_than_the_xclbin_s_engine_is_refused_naming_both()
    {
        var small = _directory.File("small-engine.xclbin");
        SoftwareEmulationXclbin.Write(small, KernelLibrary, _engine.Geometry, new GemmLimits(8, _engine.MaxRows));

        using var accelerator = XrtAccelerator.Open(SoftwareDevice.Library, small);
        var e = Assert.Throws<XclbinException>(() => new InferenceSession(_graph, accelerator).Dispose());

        Assert.That(e!.Message, Does.Contain("does not fit the engine of").And.Contain("small-engine.xclbin").And.Contain("k ≤ 8"));
    }

    [Test]
    public void An_xclbin_without_an_engine_record_is_refused_naming_the_record_it_looked_for()
    {
        var bare = _directory.File("bare.xclbin");
        XclbinFile.WriteSoftwareEmulation(bare, Guid.NewGuid(), new Dictionary<string, string> { ["kernel"] = "quasar_gemm", ["abi"] = "quasar_gemm/v2", ["library"] = "x.so" });

        var e = Assert.Throws<XclbinException>(() => XrtAccelerator.Open(SoftwareDevice.Library, bare));

        Assert.That(e!.Message, Does.Contain("the xclbin '" + bare + "' records no engine and there is no engine record '" + _directory.File("bare.engine") + "' beside it"));
    }

    /// <summary>A v++-built xclbin carries no quasar metadata: the engine record `make xclbin` writes beside it stands in.</summary>
    [Test]
    public void An_xclbin_without_engine_metadata_takes_the_engine_record_beside_it()
    {
        var plain = _directory.File("plain.xclbin");
        XclbinFile.WriteSoftwareEmulation(plain, Guid.NewGuid(), new Dictionary<string, string>
        {
            ["kernel"] = "quasar_gemm", ["abi"] = "quasar_gemm/v2", ["library"] = KernelLibrary,
        });
        var project = Path.Combine(_directory.File("project"), "vpp", "quasar_gemm.engine");
        File.Copy(project, _directory.File("plain.engine"), overwrite: true);

        using var accelerator = XrtAccelerator.Open(SoftwareDevice.Library, plain);
        using var swEmu = new InferenceSession(_graph, accelerator);
        using var emu = new InferenceSession(_graph, new EmulatedAccelerator());
        var image = KernelSweep.RandomImage(CodegenFixtures.FashionMnist, new Random(3));

        Assert.That((accelerator.Geometry, accelerator.Limits), Is.EqualTo((_engine.Geometry, new GemmLimits(_engine.MaxReduction, _engine.MaxRows))));
        Assert.That(swEmu.Run(image).Select(BitConverter.SingleToInt32Bits), Is.EqualTo(emu.Run(image).Select(BitConverter.SingleToInt32Bits)));
    }
}
