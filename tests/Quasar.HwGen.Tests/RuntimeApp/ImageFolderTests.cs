using System.Buffers.Binary;
using System.Text;
using Quasar.HwGen.Core.Data;
using Quasar.Runtime.App;
using Quasar.Runtime.App.Inputs;

namespace Quasar.HwGen.Tests.RuntimeApp;

/// <summary>
/// <see cref="ImageFolder"/> on tiny (3×3) files written here: the file's 8-bit samples come back as they are, in planar
/// order; class subfolders give labels, the order is label then ordinal file name; each bad folder or image is one
/// line naming the file and the fix. The end-to-end runs are in <see cref="QuasarRunImageFolderTests"/>.
/// </summary>
[TestFixture]
public sealed class ImageFolderTests
{
    private const int Size = 3;
    private const string Model = "tiny";
    private TemporaryDirectory _root = null!;

    [SetUp]
    public void CreateRoot() => _root = new TemporaryDirectory();

    [TearDown]
    public void RemoveRoot() => _root.Dispose();

    [Test]
    public void A_PGM_gives_its_bytes()
    {
        var samples = Samples(1, seed: 1);
        TestImages.WriteAnymap(_root.File("a.pgm"), Size, Size, 1, samples);

        var images = Load(channels: 1);

        Assert.That((images.Count, images.Channels, images.Height, images.Width), Is.EqualTo((1, 1, Size, Size)));
        Assert.That(images.Pixels, Is.EqualTo(samples));
        Assert.That(images.Labels, Is.Empty, "a folder without class subfolders has no labels");
    }

    [Test]
    public void A_PPM_gives_its_bytes_in_planar_order()
    {
        var samples = Samples(3, seed: 2);
        TestImages.WriteAnymap(_root.File("a.ppm"), Size, Size, 3, samples);

        Assert.That(Load(channels: 3).Pixels, Is.EqualTo(Planar(samples, 3)));
    }

    [TestCase(1)]
    [TestCase(3)]
    public void A_PNG_gives_its_bytes_in_planar_order(int channels)
    {
        var samples = Samples(channels, seed: 3);
        TestImages.WritePng(_root.File("a.png"), Size, Size, channels, samples);

        Assert.That(Load(channels).Pixels, Is.EqualTo(Planar(samples, channels)));
    }

    [Test]
    public void A_PGM_maximum_below_255_is_not_scaled()
    {
        byte[] samples = [0, 1, 2, 3, 4, 5, 6, 7, 15];
        File.WriteAllBytes(_root.File("a.pgm"), [.. "P5 3 3 15\n"u8, .. samples]);

        Assert.That(Load(channels: 1).Pixels, Is.EqualTo(samples));
    }

    [Test]
    public void Files_are_read_by_content_and_extensions_in_any_case_other_and_hidden_files_ignored()
    {
        var png = Samples(1, seed: 4);
        TestImages.WritePng(_root.File("a.PNG"), Size, Size, 1, png);
        var misnamed = Samples(1, seed: 5);
        TestImages.WritePng(_root.File("b.pgm"), Size, Size, 1, misnamed);
        File.WriteAllText(_root.File("notes.txt"), "not an image");
        File.WriteAllText(_root.File("photo.jpg"), "not read either");
        File.WriteAllText(_root.File(".hidden.pgm"), "hidden, so never decoded");
        Directory.CreateDirectory(_root.File(".thumbnails"));

        var images = Load(channels: 1);

        Assert.That(images.Pixels, Is.EqualTo(png.Concat(misnamed).ToArray()));
    }

    [Test]
    public void Class_subfolders_give_labels_ordered_by_label_then_ordinal_file_name()
    {
        // Folder names sort as text 0, 10, 2 and file names ordinally B < a < b: the run order is by number, then ordinal.
        Write("10/a.pgm", 1);
        Write("2/b.pgm", 2);
        Write("2/a.pgm", 3);
        Write("2/B.pgm", 4);
        Write("0/z.png", 5);
        File.WriteAllText(_root.File("README.txt"), "files beside class folders are ignored");

        var images = Load(channels: 1);

        Assert.That(images.Labels, Is.EqualTo(new byte[] { 0, 2, 2, 2, 10 }));
        Assert.That(Tags(images), Is.EqualTo(new byte[] { 5, 4, 3, 2, 1 }));
    }

    [Test]
    public void Class_folders_may_be_empty_and_the_largest_class_is_255()
    {
        Directory.CreateDirectory(_root.File("0"));
        Write("255/a.pgm", 1);

        Assert.That(Load(channels: 1).Labels, Is.EqualTo(new byte[] { 255 }));
    }

    [Test]
    public void Count_takes_the_first_images_in_run_order()
    {
        Write("1/a.pgm", 1);
        Write("0/b.pgm", 2);
        Write("0/a.pgm", 3);

        var images = Load(channels: 1, count: 2);

        Assert.That(images.Labels, Is.EqualTo(new byte[] { 0, 0 }));
        Assert.That(Tags(images), Is.EqualTo(new byte[] { 3, 2 }));
    }

    [Test]
    public void A_missing_folder_says_what_to_give()
    {
        var missing = _root.File("none");

        var error = Assert.Throws<DirectoryNotFoundException>(() => ImageFolder.Load(missing, null, 1, Size, Model))!;

        Assert.That(error.Message, Is.EqualTo($"--images {missing}: folder not found; give a folder of PNG/PGM/PPM images"));
    }

    [Test]
    public void A_folder_without_images_is_an_error()
    {
        File.WriteAllText(_root.File("notes.txt"), "no image");
        Directory.CreateDirectory(_root.File("0"));

        Assert.That(Error<InvalidDataException>(1), Does.StartWith($"{_root.Path}: holds no PNG, PGM or PPM image"));
    }

    [Test]
    public void Images_beside_class_subfolders_are_an_error()
    {
        Write("loose.pgm", 1);
        Write("3/a.pgm", 2);

        Assert.That(Error<InvalidDataException>(1),
            Does.StartWith($"{_root.Path}: holds both images (loose.pgm) and subfolders (3)").And.Contain("put every image into a class subfolder"));
    }

    [TestCase("shirts")]
    [TestCase("07")]
    [TestCase("256")]
    [TestCase("-1")]
    public void A_subfolder_not_named_by_a_class_index_is_an_error(string name)
    {
        Write("0/a.pgm", 1);
        Write($"{name}/a.pgm", 2);

        Assert.That(Error<InvalidDataException>(1),
            Does.StartWith($"{Path.Combine(_root.Path, name)}: a subfolder of an image folder is a class, named by its index 0..255").And.Contain("rename it or move it out"));
    }

    [Test]
    public void A_count_beyond_the_images_says_how_many_there_are()
    {
        Write("a.pgm", 1);
        Write("b.pgm", 2);

        var error = Assert.Throws<UsageException>(() => Load(channels: 1, count: 3))!;

        Assert.That(error.Message, Is.EqualTo($"--count 3: {_root.Path} holds 2 images; give --count 2 or less"));
    }

    [TestCase("a.pgm", 1)]
    [TestCase("a.png", 1)]
    [TestCase("a.ppm", 3)]
    public void An_image_of_another_size_is_not_resized(string name, int channels)
    {
        var path = _root.File(name);
        if (name.EndsWith(".png", StringComparison.Ordinal)) TestImages.WritePng(path, 4, Size, channels, new byte[4 * Size * channels]);
        else TestImages.WriteAnymap(path, 4, Size, channels, new byte[4 * Size * channels]);

        Assert.That(Error<InvalidDataException>(channels), Is.EqualTo($"{path}: is 4x3, the model 'tiny' takes 3x3; resize the images to 3x3"));
    }

    [TestCase("a.ppm", 3, "RGB")]
    [TestCase("a.png", 3, "RGB")]
    [TestCase("a.png", 4, "RGBA")]
    public void A_colour_image_for_a_grey_model_is_not_converted(string name, int channels, string kind)
    {
        var path = _root.File(name);
        if (name.EndsWith(".png", StringComparison.Ordinal)) TestImages.WritePng(path, Size, Size, channels, Samples(channels, 6));
        else TestImages.WriteAnymap(path, Size, Size, channels, Samples(channels, 6));

        Assert.That(Error<InvalidDataException>(1),
            Does.StartWith($"{path}: has {kind} pixels, the model 'tiny' takes 8-bit grey; convert it (e.g. `convert "));
    }

    [TestCase("a.pgm", 1, "grey")]
    [TestCase("a.png", 1, "grey")]
    [TestCase("a.png", 4, "RGBA")]
    public void A_grey_or_RGBA_image_for_an_RGB_model_is_not_converted(string name, int channels, string kind)
    {
        var path = _root.File(name);
        if (name.EndsWith(".png", StringComparison.Ordinal)) TestImages.WritePng(path, Size, Size, channels, Samples(channels, 7));
        else TestImages.WriteAnymap(path, Size, Size, channels, Samples(channels, 7));

        Assert.That(Error<InvalidDataException>(3),
            Does.StartWith($"{path}: has {kind} pixels, the model 'tiny' takes 8-bit RGB; convert it (e.g. `convert "));
    }

    [Test]
    public void A_grey_and_alpha_PNG_for_a_grey_model_is_an_error()
    {
        // Grey + alpha rows are grey rows twice as wide: write those, then make the header say so.
        var path = _root.File("a.png");
        TestImages.WritePng(path, 2 * Size, Size, 1, Samples(2, 8));
        Png.EditHeader(path, header => { BinaryPrimitives.WriteInt32BigEndian(header, Size); header[9] = 4; });

        Assert.That(Error<InvalidDataException>(1), Does.StartWith($"{path}: has grey + alpha pixels, the model 'tiny' takes 8-bit grey; convert it"));
    }

    [Test]
    public void A_grey_PNG_with_a_transparency_key_has_alpha()
    {
        var path = _root.File("a.png");
        TestImages.WritePng(path, Size, Size, 1, Samples(1, 9));
        Png.InsertAfterHeader(path, "tRNS", [0, 7]);

        Assert.That(Error<InvalidDataException>(1), Does.StartWith($"{path}: has grey + alpha pixels"));
    }

    [TestCase(16)]
    [TestCase(4)]
    public void A_PNG_of_other_than_8_bit_samples_is_an_error(int bits)
    {
        var path = _root.File("a.png");
        TestImages.WritePng(path, Size, Size, 1, Samples(1, 10), bits: bits == 16 ? 16 : 8);
        if (bits != 16) Png.EditHeader(path, header => header[8] = (byte)bits);

        Assert.That(Error<InvalidDataException>(1),
            Is.EqualTo($"{path}: {bits}-bit samples; the model takes 8-bit pixels, save it with 8 bits per sample (e.g. `convert in.png -depth 8 out.png`)"));
    }

    [Test]
    public void A_16_bit_PGM_is_an_error()
    {
        var path = _root.File("a.pgm");
        File.WriteAllBytes(path, [.. "P5 3 3 65535\n"u8, .. new byte[2 * Size * Size]]);

        Assert.That(Error<InvalidDataException>(1),
            Does.StartWith($"{path}: maximum value 65535: only 8-bit samples (1..255) are read").And.EndWith("give an intact 8-bit binary PGM (P5) or PPM (P6)"));
    }

    [Test]
    public void A_truncated_PGM_says_how_many_bytes_it_holds()
    {
        var path = _root.File("a.pgm");
        File.WriteAllBytes(path, [.. "P5 3 3 255\n"u8, 1, 2, 3]);

        Assert.That(Error<InvalidDataException>(1), Does.StartWith($"{path}: 3 bytes of samples, 3x3x1 = 9 expected"));
    }

    [TestCase(20, TestName = "{m}(header cut)")]
    [TestCase(-20, TestName = "{m}(data cut)")]
    public void A_truncated_PNG_names_the_file_and_the_decoder_s_reason(int keep)
    {
        var path = _root.File("a.png");
        TestImages.WritePng(path, Size, Size, 1, Samples(1, 11));
        var file = File.ReadAllBytes(path);
        File.WriteAllBytes(path, file[..(keep > 0 ? keep : file.Length + keep)]);

        Assert.That(Error<InvalidDataException>(1), Does.StartWith($"{path}: corrupt PNG (").And.EndWith("give an intact PNG"));
    }

    [Test]
    public void A_PNG_with_an_unknown_critical_chunk_gives_a_printable_reason()
    {
        // stb reports an unknown critical chunk with a message of NUL characters.
        var path = _root.File("a.png");
        TestImages.WritePng(path, Size, Size, 1, Samples(1, 12));
        Png.InsertAfterHeader(path, "ABCD", [1]);

        Assert.That(Error<InvalidDataException>(1), Does.StartWith($"{path}: corrupt PNG (decoder: ").And.Not.Contain("\0"));
    }

    [Test]
    public void Other_formats_are_refused_by_content_without_hanging_the_decoder()
    {
        // The start of a JPEG: StbImageSharp's JPEG reader never returns on it.
        var path = _root.File("a.png");
        File.WriteAllBytes(path, [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]);

        var load = Task.Run(() => Load(channels: 1));

        Assert.That(SpinWait.SpinUntil(() => load.IsCompleted, TimeSpan.FromSeconds(20)), Is.True, "the load returned");
        var error = load.Exception?.InnerException;
        Assert.That(error, Is.TypeOf<InvalidDataException>());
        Assert.That(error!.Message, Does.StartWith($"{path}: neither a PNG nor a binary PGM/PPM (P5/P6) by its content").And.Contain("give an intact PNG"));
    }

    [Test]
    public void A_plain_text_PGM_is_refused()
    {
        var path = _root.File("a.pgm");
        File.WriteAllText(path, "P2\n3 3\n255\n1 2 3 4 5 6 7 8 9\n");

        Assert.That(Error<InvalidDataException>(1), Does.StartWith($"{path}: neither a PNG nor a binary PGM/PPM (P5/P6)").And.Contain("saved as binary"));
    }

    private LabeledImages Load(int channels, int? count = null) => ImageFolder.Load(_root.Path, count, channels, Size, Model);

    /// <summary>The one-line message of the error loading the root folder throws.</summary>
    private string Error<TException>(int channels) where TException : Exception
    {
        var message = Assert.Throws<TException>(() => Load(channels))!.Message;
        Assert.That(message, Does.Not.Contain('\n'));
        return message;
    }

    /// <summary>A grey image whose samples are all <paramref name="tag"/>, to tell the images apart in run order.</summary>
    private void Write(string relativePath, byte tag)
    {
        var path = _root.File(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var samples = Enumerable.Repeat(tag, Size * Size).ToArray();
        if (path.EndsWith(".png", StringComparison.Ordinal)) TestImages.WritePng(path, Size, Size, 1, samples);
        else TestImages.WriteAnymap(path, Size, Size, 1, samples);
    }

    private static byte[] Tags(LabeledImages images) => [.. Enumerable.Range(0, images.Count).Select(i => images.Image(i)[0])];

    private static byte[] Samples(int channels, int seed)
    {
        var samples = new byte[Size * Size * channels];
        new Random(seed).NextBytes(samples);
        return samples;
    }

    /// <summary>Interleaved H×W×C samples as C×H×W planes.</summary>
    private static byte[] Planar(byte[] interleaved, int channels)
    {
        int plane = interleaved.Length / channels;
        var planar = new byte[interleaved.Length];
        for (int c = 0; c < channels; c++)
            for (int i = 0; i < plane; i++) planar[c * plane + i] = interleaved[i * channels + c];
        return planar;
    }

    /// <summary>Edits of a PNG written by <see cref="TestImages"/>: its header, or a chunk after it, with the CRC it needs.</summary>
    private static class Png
    {
        private const int HeaderData = 16, HeaderEnd = HeaderData + 13 + 4;

        private static readonly uint[] CrcTable = [.. Enumerable.Range(0, 256).Select(n =>
        {
            uint c = (uint)n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            return c;
        })];

        public static void EditHeader(string path, Action<byte[]> edit)
        {
            var file = File.ReadAllBytes(path);
            var header = file[HeaderData..(HeaderData + 13)];
            edit(header);
            var chunk = Chunk("IHDR", header);
            File.WriteAllBytes(path, [.. file[..(HeaderData - 8)], .. chunk, .. file[HeaderEnd..]]);
        }

        public static void InsertAfterHeader(string path, string type, byte[] data)
        {
            var file = File.ReadAllBytes(path);
            File.WriteAllBytes(path, [.. file[..HeaderEnd], .. Chunk(type, data), .. file[HeaderEnd..]]);
        }

        /// <summary>Length, type, data, CRC-32 of type and data.</summary>
        private static byte[] Chunk(string type, byte[] data)
        {
            byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
            var chunk = new byte[4 + typed.Length + 4];
            BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
            typed.CopyTo(chunk, 4);
            BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(4 + typed.Length), Crc32(typed));
            return chunk;
        }

        private static uint Crc32(byte[] bytes)
        {
            uint crc = ~0u;
            foreach (var b in bytes) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
            return ~crc;
        }
    }
}
