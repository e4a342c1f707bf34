using Quasar.HwGen.Core.Data;

namespace Quasar.HwGen.Training.Data;

/// <summary>
/// The ImageNet-style layout: one subfolder per class (label = index of the class name in ordinal order), images
/// inside, fitted to size × size × channels by <see cref="ImageResizer"/>. Files the decoder does not read are an
/// error naming the file (a silently skipped class would shift every label after it).
/// </summary>
public static class ImageFolderDataset
{
    public static ImageFolder Load(string folder, int size, int channels, IImageDecoder? decoder = null)
    {
        decoder ??= new PnmDecoder();
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: image folder not found");
        var classes = Directory.GetDirectories(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        if (classes.Count == 0) throw new InvalidDataException($"{folder}: no class subfolders");
        if (classes.Count > 256) throw new InvalidDataException($"{folder}: {classes.Count} classes, labels are bytes (at most 256)");

        var pixels = new List<byte>();
        var labels = new List<byte>();
        for (int label = 0; label < classes.Count; label++)
        {
            var files = Directory.GetFiles(Path.Combine(folder, classes[label])).Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                if (Path.GetFileName(file).StartsWith('.')) continue;
                if (!decoder.CanDecode(file))
                    throw new NotSupportedException($"{file}: {decoder.GetType().Name} does not read '{Path.GetExtension(file)}' files (PGM/PPM are built in; convert PNG/JPEG, e.g. `convert x.png x.ppm`, or pass a decoder)");
                var image = ImageResizer.Fit(decoder.Decode(file), size, channels);
                pixels.AddRange(ToPlanar(image));
                labels.Add((byte)label);
            }
        }
        if (labels.Count == 0) throw new InvalidDataException($"{folder}: no images in its class folders");
        return new ImageFolder(new LabeledImages([.. pixels], [.. labels], labels.Count, channels, size, size), classes);
    }

    /// <summary>H·W·C interleaved → C·H·W planes, the layout of <see cref="LabeledImages"/>.</summary>
    private static byte[] ToPlanar(DecodedImage image)
    {
        int plane = image.Width * image.Height;
        var planar = new byte[plane * image.Channels];
        for (int i = 0; i < plane; i++)
            for (int c = 0; c < image.Channels; c++)
                planar[c * plane + i] = image.Pixels[i * image.Channels + c];
        return planar;
    }
}
