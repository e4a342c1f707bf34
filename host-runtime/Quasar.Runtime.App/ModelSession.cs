using Quasar.HwGen.Core.Execution;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;
using Quasar.HwGen.Core.Ir.Package;

namespace Quasar.Runtime.App;

/// <summary>
/// The one place `quasar-run` runs the model. Today: Core's <see cref="IrInterpreter"/> with the C# emulation of the
/// engine (host ops in float32, GEMMs on the fastest integer path of this CPU: AVX on x64, scalar on arm64).
/// When the runtime's InferenceSession (host-runtime/Quasar.Runtime) lands, it replaces <see cref="Open"/> and
/// <see cref="Infer"/>; the rest of the app only sees the input shape, the class count and float32 logits.
/// </summary>
internal sealed class ModelSession
{
    private readonly IrInterpreter _interpreter;
    private readonly EmulatedEngine _engine = new();

    private ModelSession(IrGraph graph, PatchifyOp input)
    {
        _interpreter = new IrInterpreter(graph, _engine);
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

    public string Backend => $"emulation, GEMM path {_engine.Path}";

    /// <summary>Reads and verifies the package (checksums, IR verifier); a defect is an <see cref="IrPackageException"/>.</summary>
    public static ModelSession Open(string packageDirectory)
    {
        var graph = IrPackage.Read(packageDirectory);
        var patchify = graph.Ops.OfType<PatchifyOp>().FirstOrDefault()
            ?? throw new IrPackageException(packageDirectory, $"'{graph.Name}' has no patchify op: cannot tell its input image shape");
        return new ModelSession(graph, patchify);
    }

    /// <summary>The logits of one image (bytes, C×H×W).</summary>
    public float[] Infer(ReadOnlySpan<byte> image) => _interpreter.Run(image);
}
