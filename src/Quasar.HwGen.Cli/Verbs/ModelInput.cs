using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Core.Ir;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>The image shape an IR package takes (its patchify op), and the check that a dataset's images have it.</summary>
internal static class ModelInput
{
    public static (int Channels, int Size) Shape(IrGraph graph)
    {
        var input = Runtime.ModelInput.Of(graph);
        return (input.Channels, input.Size);
    }

    /// <summary>Throws, naming the dataset and both shapes, when <paramref name="images"/> do not fit <paramref name="graph"/>.</summary>
    public static void ThrowIfMismatched(IrGraph graph, LabeledImages images, string source)
    {
        var (channels, size) = Shape(graph);
        if (images.Channels != channels || images.Height != size || images.Width != size)
            throw new InvalidDataException(
                $"{source}: images are {images.Channels}x{images.Height}x{images.Width}, the model '{graph.Name}' takes {channels}x{size}x{size}; give --data with images of that size");
        if (images.Count == 0) throw new InvalidDataException($"{source}: the split has no images");
    }
}
