using Quasar.HwGen.Core.Data;

namespace Quasar.Runtime.App.Inputs;

/// <summary>`--idx [--labels] [--count]`: the images of an IDX file, checked against the model's input shape.</summary>
internal static class IdxImages
{
    public static LabeledImages Load(string imagesPath, string? labelsPath, int? count, ModelSession model)
    {
        if (!File.Exists(imagesPath)) throw new FileNotFoundException($"--idx {imagesPath}: file not found; give an IDX images file", imagesPath);
        if (labelsPath is not null && !File.Exists(labelsPath))
            throw new FileNotFoundException($"--labels {labelsPath}: file not found; give the IDX labels file of --idx, or drop --labels", labelsPath);
        var images = labelsPath is null ? IdxDataset.LoadImages(imagesPath) : IdxDataset.Load(imagesPath, labelsPath);
        if (images.Channels != model.Channels || images.Height != model.ImageSize || images.Width != model.ImageSize)
        {
            throw new InvalidDataException(
                $"{imagesPath}: images are {images.Channels}x{images.Height}x{images.Width}, the model '{model.Name}' takes {model.Channels}x{model.ImageSize}x{model.ImageSize}; give --idx with images of that size");
        }
        if (images.Count == 0) throw new InvalidDataException($"{imagesPath}: holds no images");
        if (count > images.Count) throw new UsageException($"--count {count}: {imagesPath} holds {images.Count} images; give --count {images.Count} or less");
        return count is int n ? images.Take(n) : images;
    }
}
