using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;

namespace Quasar.Runtime;

/// <summary>The image a model takes: channels × size × size bytes in C×H×W order, from the graph's patchify op.</summary>
public sealed record ModelInput(int Channels, int Size)
{
    public int Bytes => Channels * Size * Size;

    public static ModelInput Of(IrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var patchify = graph.Ops.OfType<PatchifyOp>().FirstOrDefault()
            ?? throw new InvalidDataException($"'{graph.Name}' has no patchify op: cannot tell its input image shape");
        return new ModelInput(patchify.Channels, patchify.ImageSize);
    }

    /// <summary>Throws, naming both sizes, when <paramref name="image"/> is not one image of this shape.</summary>
    public void ThrowIfNotImage(ReadOnlySpan<byte> image, string what)
    {
        if (image.Length != Bytes)
            throw new InvalidDataException($"{what} has {image.Length} bytes; the model takes {Channels}x{Size}x{Size} = {Bytes} bytes (channels × height × width, one byte a pixel)");
    }

    public override string ToString() => $"{Channels}x{Size}x{Size}";
}
