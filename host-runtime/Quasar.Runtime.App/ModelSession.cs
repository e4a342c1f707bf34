using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Package;
using Quasar.Runtime.Emulation;

namespace Quasar.Runtime.App;

/// <summary>
/// The one place `quasar-run` runs the model: the runtime's <see cref="InferenceSession"/> on the backend the run
/// names, with its frames in flight. The rest of the app sees the input shape, the class count, float32 logits and
/// where the time went.
/// </summary>
internal sealed class ModelSession : IDisposable
{
    private readonly InferenceSession _session;

    private ModelSession(InferenceSession session) => _session = session;

    public string Name => _session.Graph.Name;

    public int Channels => _session.Input.Channels;

    /// <summary>Height and width of the (square) input image.</summary>
    public int ImageSize => _session.Input.Size;

    public int Classes => _session.Classes;

    public int Frames => _session.Options.FramesInFlight;

    public IAccelerator Accelerator => _session.Accelerator;

    public string Backend => _session.Accelerator switch
    {
        EmulatedAccelerator emu => $"runtime on {emu.Name}, GEMM path {emu.Path}",
        var other => $"runtime on {other.Name}",
    };

    public SessionStatistics Statistics => _session.Statistics;

    /// <summary>
    /// Reads and verifies the package (checksums, IR verifier; a defect is an <see cref="IrPackageException"/>), opens
    /// the backend and the session; a model that does not fit the xclbin's engine is refused here, before any image.
    /// </summary>
    public static ModelSession Open(RunOptions options)
    {
        var graph = IrPackage.Read(options.Package);
        var accelerator = BackendFactory.Open(options);
        try
        {
            return new ModelSession(new InferenceSession(graph, accelerator, new SessionOptions { FramesInFlight = options.Frames }));
        }
        catch
        {
            accelerator.Dispose();
            throw;
        }
    }

    /// <summary>The logits of <paramref name="count"/> images (bytes, C×H×W each), <see cref="Frames"/> at a time.</summary>
    public void Run(int count, Func<int, ReadOnlyMemory<byte>> images, float[] logits, IProgress<int> progress, CancellationToken cancellation) =>
        _session.Run(count, images, logits, progress, cancellation);

    public void Dispose() => _session.Dispose();
}
