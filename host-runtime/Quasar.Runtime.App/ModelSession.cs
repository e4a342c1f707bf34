using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;
using Quasar.HwGen.Core.Ir.Package;
using Quasar.Runtime.Emulation;

namespace Quasar.Runtime.App;

/// <summary>
/// The one place `quasar-run` runs the model: the runtime's <see cref="InferenceSession"/> on the <c>emu</c> backend
/// (fused host passes at the widest SIMD width of this CPU, GEMMs on its fastest integer path: AVX on x64, scalar on
/// arm64). The rest of the app only sees the input shape, the class count and float32 logits.
/// </summary>
internal sealed class ModelSession
{
    private readonly EmulatedAccelerator _engine = new();
    private readonly InferenceSession _session;

    private ModelSession(IrGraph graph, PatchifyOp input)
    {
        _session = new InferenceSession(graph, _engine, new SessionOptions { FramesInFlight = 1 });
        Name = graph.Name;
        Channels = input.Channels;
        ImageSize = input.ImageSize;
        Classes = graph.Tensor(graph.Output).Type.ElementCount;
    }

    public string Name { get; }

    public int Channels { get; }

    /// <summary>Height and width of the (square) input image.</summary>
    public int ImageSize { get; }

    public int Classes { get; }

    public string Backend => $"runtime on {_engine.Name}, GEMM path {_engine.Path}";

    /// <summary>Reads and verifies the package (checksums, IR verifier); a defect is an <see cref="IrPackageException"/>.</summary>
    public static ModelSession Open(string packageDirectory)
    {
        var graph = IrPackage.Read(packageDirectory);
        var patchify = graph.Ops.OfType<PatchifyOp>().FirstOrDefault()
            ?? throw new IrPackageException(packageDirectory, $"'{graph.Name}' has no patchify op: cannot tell its input image shape");
        return new ModelSession(graph, patchify);
    }

    /// <summary>The logits of one image (bytes, C×H×W).</summary>
    public float[] Infer(ReadOnlySpan<byte> image) => _session.Run(image);
}
