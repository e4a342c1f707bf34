using System.Buffers.Binary;
using System.Globalization;
using Quasar.HwGen.Core.Data;
using StbImageSharp;

namespace Quasar.Runtime.App.Inputs;

/// <summary>
/// `--images DIR`: a folder of images to run. The rules keep a run reproducible and its pixels exactly the model's:
/// <list type="bullet">
/// <item>Images are the files named *.png, *.pgm, *.ppm (any case); other files and hidden ones (.name) are ignored.</item>
/// <item>Either the folder holds the images (no labels), or only class subfolders named by their label in decimal,
/// 0..255 (`7`, not `07`, so that no two folders are one class), each holding the images of that class. A mix, or a
/// subfolder of another name, is an error: guessing would run or label images silently wrong.</item>
/// <item>The order is by label, then by file name (ordinal, not the file system's or the culture's), the same on every
/// machine; <c>count</c> takes the first N of it.</item>
/// <item>An image must already be the model's input: size × size, 8 bits per sample, grey for a model of one channel
/// and RGB for one of three (a PNG with alpha or a transparency key is neither). Nothing is resized, converted or
/// scaled (no gamma, no colour conversion, no alpha dropped, a PGM/PPM maximum below 255 not stretched), so an image
/// written from an IDX dataset round-trips bit for bit; anything else is an error naming the file and the fix.</item>
/// <item>A file is decoded by its content, and only PNG (StbImageSharp) and binary PGM/PPM P5/P6
/// (<see cref="PortableAnymap"/>, which stb does not read) are: stb also reads JPEG, BMP, … and hangs on some
/// truncated JPEGs.</item>
/// </list>
/// Errors are one line (<see cref="RunErrors"/>): a missing folder <see cref="DirectoryNotFoundException"/>, a bad
/// folder or image <see cref="InvalidDataException"/>, a count beyond the images <see cref="UsageException"/>.
/// </summary>
internal static class ImageFolder
{
    private static readonly string[] Extensions = [".png", ".pgm", ".ppm"];
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static LabeledImages Load(string directory, int? count, int channels, int size, string modelName)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count ?? 1, 1, nameof(count));
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"--images {directory}: folder not found; give a folder of PNG/PGM/PPM images");
        var files = Listing(directory);
        if (files.Count == 0) throw new InvalidDataException($"{directory}: holds no PNG, PGM or PPM image; give a folder of images or of class subfolders 0, 1, …");
        if (count > files.Count)
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--count {count}: {directory} holds {files.Count} images; give --count {files.Count} or less"));
        if (count is int n) files = files[..n];

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
            && name == label.ToString(CultureInfo.InvariantCulture)
            ? label
            : throw new InvalidDataException($"{folder}: a subfolder of an image folder is a class, named by its index 0..255 (e.g. 7, not 07); rename it or move it out");
    }

    private static IEnumerable<string> Images(string folder) =>
        Directory.GetFiles(folder)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

    /// <summary>Decodes one file into <paramref name="target"/> (C×H×W, planar).</summary>
    private static void Decode(string path, int channels, int size, string modelName, Span<byte> target)
    {
        var file = File.ReadAllBytes(path);
        var (width, height, fileChannels, samples) = file.AsSpan().StartsWith(PngSignature) ? ReadPng(path, file, size, modelName)
            : PortableAnymap.IsAnymap(file) ? ReadAnymap(path, file)
            : throw new InvalidDataException($"{path}: neither a PNG nor a binary PGM/PPM (P5/P6) by its content (corrupt, plain-text P2/P3, or another format); " +
                "give an intact PNG, or a PGM/PPM saved as binary (e.g. `convert in out.pgm`)");
        CheckSize(path, width, height, size, modelName);
        if (fileChannels != channels)
        {
            throw new InvalidDataException(channels == 1
                ? $"{path}: has {Describe(fileChannels)} pixels, the model '{modelName}' takes 8-bit grey; convert it (e.g. `convert in.png -alpha off -colorspace Gray -depth 8 out.png`)"
                : $"{path}: has {Describe(fileChannels)} pixels, the model '{modelName}' takes 8-bit RGB; convert it (e.g. `convert in.png -alpha off -type TrueColor -depth 8 out.png`)");
        }
        int plane = size * size;
        for (int c = 0; c < channels; c++)
            for (int i = 0; i < plane; i++) target[c * plane + i] = samples[i * channels + c];
    }

    private static void CheckSize(string path, long width, long height, int size, string modelName)
    {
        if (width != size || height != size)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{path}: is {width}x{height}, the model '{modelName}' takes {size}x{size}; resize the images to {size}x{size}"));
        }
    }

    private static (int Width, int Height, int Channels, byte[] Samples) ReadAnymap(string path, byte[] file)
    {
        try
        {
            return PortableAnymap.Decode(file);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}; give an intact 8-bit binary PGM (P5) or PPM (P6)", e);
        }
    }

    /// <summary>
    /// Checks the header (IHDR) before decoding, so that a file of the wrong size or depth is not decoded at all, and
    /// because stb reports samples of 1, 2 or 4 bits as 8-bit after scaling them up.
    /// </summary>
    private static (int Width, int Height, int Channels, byte[] Samples) ReadPng(string path, byte[] file, int size, string modelName)
    {
        // Signature (8), then the first chunk: length (4), type (4), width (4), height (4), bit depth, colour type.
        const int Header = 8 + 8;
        if (file.Length < Header + 10 || !file.AsSpan(Header - 4, 4).SequenceEqual("IHDR"u8))
            throw new InvalidDataException($"{path}: corrupt PNG (no IHDR header); give an intact PNG");
        int bits = file[Header + 8];
        const int Palette = 3;  // its samples are 8-bit palette entries, whatever the depth of the indices
        if (bits != 8 && file[Header + 9] != Palette)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{path}: {bits}-bit samples; the model takes 8-bit pixels, save it with 8 bits per sample (e.g. `convert in.png -depth 8 out.png`)"));
        }
        CheckSize(path, BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(Header)), BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(Header + 4)), size, modelName);
        try
        {
            var image = ImageResult.FromMemory(file, ColorComponents.Default);
            return (image.Width, image.Height, (int)image.SourceComp, image.Data);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            throw new InvalidDataException($"{path}: corrupt PNG (decoder: {Printable(e.Message)}); give an intact PNG", e);
        }
    }

    /// <summary>stb's reasons are short words, but an unknown chunk's comes as its garbled type or NUL characters.</summary>
    private static string Printable(string reason)
    {
        var text = new string([.. reason.Where(c => c is >= ' ' and <= '~')]).Trim();
        return text.Length == 0 ? "unreadable data" : text;
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
