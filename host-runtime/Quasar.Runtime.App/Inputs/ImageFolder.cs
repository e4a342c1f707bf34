using System.Globalization;
using Quasar.HwGen.Core.Data;
using StbImageSharp;

namespace Quasar.Runtime.App.Inputs;

/// <summary>
/// `--images`: a folder of PNG, PGM or PPM images, or of class subfolders named 0, 1, … (decimal, up to 255) whose
/// images carry that label. Other files are ignored. The order is by label, then by file name (ordinal), so every
/// machine runs the same images in the same order. Pixels are the file's 8-bit samples as they are (no gamma, no
/// resizing, no colour conversion), so an image written from an IDX dataset round-trips bit for bit: a model of one
/// channel takes 8-bit grey images, one of three channels 8-bit RGB, and anything else is refused naming the file.
/// </summary>
internal static class ImageFolder
{
    private static readonly string[] Extensions = [".png", ".pgm", ".ppm"];

    public static LabeledImages Load(string directory, int? count, int channels, int size, string modelName)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"--images {directory}: folder not found; give a folder of PNG/PGM/PPM images");
        var files = Listing(directory);
        if (files.Count == 0) throw new InvalidDataException($"{directory}: holds no PNG, PGM or PPM image; give a folder of images or of class subfolders 0, 1, …");
        if (count > files.Count) throw new UsageException($"--count {count}: {directory} holds {files.Count} images; give --count {files.Count} or less");
        if (count is int n) files = files.Take(n).ToList();

        int perImage = channels * size * size;
        var pixels = new byte[checked(files.Count * perImage)];
        for (int i = 0; i < files.Count; i++) Decode(files[i].Path, channels, size, modelName, pixels.AsSpan(i * perImage, perImage));
        bool labelled = files[0].Label is not null;
        return new LabeledImages(pixels, labelled ? [.. files.Select(f => (byte)f.Label!.Value)] : [], files.Count, channels, size, size);
    }

    /// <summary>The images in run order, each with its label (null in a folder of images without class subfolders).</summary>
    private static List<(string Path, int? Label)> Listing(string directory)
    {
        var images = Images(directory).Select(path => (Path: path, Label: (int?)null)).ToList();
        var folders = Directory.GetDirectories(directory).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal).ToList();
        if (folders.Count == 0) return images;
        if (images.Count > 0)
        {
            throw new InvalidDataException($"{directory}: holds both images ({Path.GetFileName(images[0].Path)}) and subfolders ({Path.GetFileName(folders[0])}); " +
                "put every image into a class subfolder 0, 1, …, or none");
        }
        var labelled = new List<(string Path, int? Label)>();
        foreach (var (folder, label) in folders.Select(f => (f, Label(f))).OrderBy(p => p.Item2))
            labelled.AddRange(Images(folder).Select(path => (path, (int?)label)));
        return labelled;
    }

    private static int Label(string folder)
    {
        var name = Path.GetFileName(folder);
        return int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out int label) && label <= byte.MaxValue
            ? label
            : throw new InvalidDataException($"{folder}: a subfolder of an image folder is a class, named by its index 0..255; rename it or move it out");
    }

    private static IEnumerable<string> Images(string folder) =>
        Directory.GetFiles(folder)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

    /// <summary>Decodes one file into <paramref name="target"/> (C×H×W, planar).</summary>
    private static void Decode(string path, int channels, int size, string modelName, Span<byte> target)
    {
        var (width, height, fileChannels, samples) = Read(path);
        if (width != size || height != size)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{path}: is {width}x{height}, the model '{modelName}' takes {size}x{size}; resize the images to {size}x{size}"));
        }
        if (fileChannels != channels)
        {
            throw new InvalidDataException(channels == 1
                ? $"{path}: has {Describe(fileChannels)} pixels, the model '{modelName}' takes 8-bit grey; convert it (e.g. `convert in.png -colorspace Gray -depth 8 out.png`)"
                : $"{path}: has {Describe(fileChannels)} pixels, the model '{modelName}' takes 8-bit RGB; convert it (e.g. `convert in.png -alpha off -type TrueColor -depth 8 out.png`)");
        }
        int plane = size * size;
        for (int c = 0; c < channels; c++)
            for (int i = 0; i < plane; i++) target[c * plane + i] = samples[i * channels + c];
    }

    private static (int Width, int Height, int Channels, byte[] Samples) Read(string path)
    {
        var file = File.ReadAllBytes(path);
        try
        {
            if (PortableAnymap.IsAnymap(file)) return PortableAnymap.Decode(file);
            using (var stream = new MemoryStream(file, writable: false))
            {
                var info = ImageInfo.FromStream(stream) ?? throw new InvalidDataException("not a PNG, PGM or PPM image StbImageSharp can read (corrupt or another format); give an intact file");
                if (info.BitsPerChannel != 8)
                    throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{info.BitsPerChannel}-bit samples; the model takes 8-bit pixels, save it with 8 bits per sample"));
            }
            var image = ImageResult.FromMemory(file, ColorComponents.Default);
            return (image.Width, image.Height, (int)image.SourceComp, image.Data);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NotSupportedException)
        {
            throw new InvalidDataException($"{path}: cannot be decoded ({e.Message}); give an intact PNG, PGM or PPM file", e);
        }
    }

    private static string Describe(int channels) => channels switch
    {
        1 => "grey",
        2 => "grey + alpha",
        3 => "RGB",
        4 => "RGBA",
        _ => string.Create(CultureInfo.InvariantCulture, $"{channels}-channel"),
    };
}
