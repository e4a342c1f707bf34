using System.IO.Compression;
using Quasar.HwGen.Core.Data;

namespace Quasar.HwGen.Tests.Data;

/// <summary>Every malformed IDX file gets an <see cref="IdxFormatException"/> naming the file and the defect.</summary>
[TestFixture]
public sealed class IdxReaderErrorTests
{
    private TemporaryDirectory _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = new TemporaryDirectory();

    [TearDown]
    public void DeleteDirectory() => _directory.Dispose();

    private static byte[] ValidImages(int count = 3) =>
        [0, 0, 0x08, 3, 0, 0, 0, (byte)count, 0, 0, 0, 2, 0, 0, 0, 2, .. new byte[count * 4]];

    private string Write(string name, byte[] bytes)
    {
        var path = _directory.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string WriteGzip(string name, byte[] bytes)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(bytes);
        return Write(name, memory.ToArray());
    }

    [Test]
    public void A_valid_raw_file_reads_its_dimensions()
    {
        var tensor = IdxReader.Read(Write("ok.idx", ValidImages()));

        Assert.That(tensor.Dimensions, Is.EqualTo(new[] { 3, 2, 2 }));
        Assert.That(tensor.ElementType, Is.EqualTo(IdxElementType.UnsignedByte));
    }

    [Test]
    public void A_file_with_a_wrong_magic_number_is_refused_by_name()
    {
        var path = Write("text.idx", "hello, world"u8.ToArray());

        var error = Assert.Throws<IdxFormatException>(() => IdxReader.Read(path))!;

        Assert.That(error.FilePath, Is.EqualTo(path));
        Assert.That(error.Message, Does.StartWith(path).And.Contain("wrong magic number 0x68656C6C"));
    }

    [Test]
    public void An_unknown_element_type_is_refused()
    {
        byte[] bytes = [0, 0, 0x42, 1, 0, 0, 0, 1, 7];

        var error = Assert.Throws<IdxFormatException>(() => IdxReader.Read(Write("type.idx", bytes)))!;

        Assert.That(error.Problem, Does.Contain("unknown element type 0x42"));
    }

    [Test]
    public void A_file_shorter_than_the_magic_number_is_refused()
    {
        var error = Assert.Throws<IdxFormatException>(() => IdxReader.Read(Write("short.idx", [0, 0])))!;

        Assert.That(error.Problem, Does.Contain("shorter than the 4-byte IDX magic number"));
    }

    [Test]
    public void A_truncated_header_is_refused()
    {
        var error = Assert.Throws<IdxFormatException>(() => IdxReader.Read(Write("header.idx", ValidImages()[..10])))!;

        Assert.That(error.Problem, Does.Contain("header is truncated: 3 dimensions need 16 bytes, file has 10"));
    }

    [Test]
    public void Truncated_data_is_refused_with_both_sizes()
    {
        var error = Assert.Throws<IdxFormatException>(() => IdxReader.Read(Write("data.idx", ValidImages()[..^1])))!;

        Assert.That(error.Problem, Does.Contain("3x2x2 elements of UnsignedByte = 12 data bytes, but the file has 11 (truncated?)"));
    }

    [Test]
    public void Trailing_data_is_refused()
    {
        var error = Assert.Throws<IdxFormatException>(() => IdxReader.Read(Write("long.idx", [.. ValidImages(), 1])))!;

        Assert.That(error.Problem, Does.Contain("(trailing data)"));
    }

    [Test]
    public void A_truncated_gzip_stream_is_refused_as_corrupt()
    {
        var whole = File.ReadAllBytes(WriteGzip("whole.gz", ValidImages(200)));
        var path = Write("cut.gz", whole[..(whole.Length / 2)]);

        var error = Assert.Throws<IdxFormatException>(() => IdxReader.Read(path))!;

        Assert.That(error.Message, Does.StartWith(path));
        Assert.That(error.Problem, Does.Contain("gzip").Or.Contain("truncated"));
    }

    [Test]
    public void A_gzip_file_holding_a_non_idx_payload_is_refused()
    {
        var error = Assert.Throws<IdxFormatException>(() => IdxReader.Read(WriteGzip("notidx.gz", "PK\u0003\u0004zip"u8.ToArray())))!;

        Assert.That(error.Problem, Does.Contain("wrong magic number"));
    }

    [Test]
    public void Labels_that_do_not_match_the_image_count_are_refused_naming_both_files()
    {
        var images = Write("images.idx", ValidImages(3));
        var labels = Write("labels.idx", [0, 0, 0x08, 1, 0, 0, 0, 2, 1, 2]);

        var error = Assert.Throws<IdxFormatException>(() => IdxDataset.Load(images, labels))!;

        Assert.That(error.Message, Does.Contain("has 2 labels but").And.Contain(images).And.Contain("has 3 images"));
    }

    [Test]
    public void A_missing_file_is_named()
    {
        var missing = _directory.File("nope.gz");

        var error = Assert.Throws<FileNotFoundException>(() => IdxReader.Read(missing))!;

        Assert.That(error.Message, Does.Contain(missing));
    }

    [Test]
    public void Written_sets_read_back_identically_with_and_without_gzip()
    {
        var set = new LabeledImages([.. Enumerable.Range(0, 2 * 3 * 4).Select(i => (byte)i)], [1, 0], 2, 1, 3, 4);

        IdxDataset.Save(set, _directory.File("i.gz"), _directory.File("l.idx"));
        var back = IdxDataset.Load(_directory.File("i.gz"), _directory.File("l.idx"));

        Assert.That(back.Pixels, Is.EqualTo(set.Pixels));
        Assert.That(back.Labels, Is.EqualTo(set.Labels));
        Assert.That((back.Count, back.Channels, back.Height, back.Width), Is.EqualTo((2, 1, 3, 4)));
    }
}
