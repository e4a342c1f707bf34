using Quasar.HwGen.Core.Ir;
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

    private ModelSession(IrGraph graph) =>
        _session = new InferenceSession(graph, _engine, new SessionOptions { FramesInFlight = 1 });

    public string Name => _session.Graph.Name;

    public int Channels => _session.Input.Channels;

    /// <summary>Height and width of the (square) input image.</summary>
    public int ImageSize => _session.Input.Size;

    public int Classes => _session.Classes;

    public string Backend => $"runtime on {_engine.Name}, GEMM path {_engine.Path}";

    /// <summary>
    /// Reads and verifies the package (checksums, IR verifier; a defect is an <see cref="IrPackageException"/>) and
    /// opens the session (a graph without a patchify op is an <see cref="InvalidDataException"/>).
    /// </summary>
    public static ModelSession Open(string packageDirectory) => new(IrPackage.Read(packageDirectory));

    /// <summary>The logits of one image (bytes, C×H×W).</summary>
    public float[] Infer(ReadOnlySpan<byte> image) => _session.Run(image);
}
