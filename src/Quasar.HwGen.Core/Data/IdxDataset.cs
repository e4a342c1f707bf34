namespace Quasar.HwGen.Core.Data;

/// <summary>Loads an image/label pair of IDX files (e.g. train-images-idx3-ubyte.gz + train-labels-idx1-ubyte.gz).</summary>
public static class IdxDataset
{
    public static LabeledImages Load(string imagesPath, string labelsPath)
    {
        var images = LoadImages(imagesPath);
        var labels = IdxReader.Read(labelsPath);
        if (labels.ElementType != IdxElementType.UnsignedByte || labels.Dimensions.Count != 1)
            throw new IdxFormatException(labelsPath, "labels must be a one-dimensional array of unsigned bytes");
        if (labels.Dimensions[0] != images.Count)
            throw new IdxFormatException(labelsPath, $"has {labels.Dimensions[0]} labels but {imagesPath} has {images.Count} images");
        return images with { Labels = labels.Data };
    }

    /// <summary>Images without labels (their <see cref="LabeledImages.Labels"/> is empty), e.g. for inference only.</summary>
    public static LabeledImages LoadImages(string imagesPath)
    {
        var images = IdxReader.Read(imagesPath);
        if (images.ElementType != IdxElementType.UnsignedByte)
            throw new IdxFormatException(imagesPath, $"images must be unsigned bytes, found {images.ElementType}");
        if (images.Dimensions.Count is not (3 or 4))
            throw new IdxFormatException(imagesPath, $"images must have 3 dimensions (N, H, W) or 4 (N, C, H, W), found {images.Dimensions.Count}");
        int count = images.Dimensions[0];
        int channels = images.Dimensions.Count == 4 ? images.Dimensions[1] : 1;
        int height = images.Dimensions[^2], width = images.Dimensions[^1];
        return new LabeledImages(images.Data, [], count, channels, height, width);
    }

    public static void Save(LabeledImages set, string imagesPath, string labelsPath)
    {
        ArgumentNullException.ThrowIfNull(set);
        int[] dims = set.Channels == 1 ? [set.Count, set.Height, set.Width] : [set.Count, set.Channels, set.Height, set.Width];
        IdxWriter.Write(imagesPath, new IdxTensor(IdxElementType.UnsignedByte, dims, set.Pixels));
        IdxWriter.Write(labelsPath, new IdxTensor(IdxElementType.UnsignedByte, [set.Count], set.Labels));
    }
}
