using Quasar.HwGen.Core.Data;

namespace Quasar.HwGen.Training.Data;

/// <summary>Placeholder until the image decoder lands.</summary>
public static class ImageFolderDataset
{
    public static (LabeledImages Images, IReadOnlyList<string> Classes) Load(string folder, int size, int channels) =>
        throw new NotSupportedException($"{folder}: image folders are not supported yet ({size}×{size}×{channels})");
}
