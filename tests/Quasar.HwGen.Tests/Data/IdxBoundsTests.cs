using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using Quasar.HwGen.Core.Data;

namespace Quasar.HwGen.Tests.Data;

/// <summary>
/// The IDX header bounds the read: declared sizes are checked before anything is allocated, and decompression stops
/// just past the declared size, so a gzip bomb is refused quickly and cheaply. Only regular files are opened.
/// </summary>
[TestFixture]
public sealed class IdxBoundsTests
{
    private const long MiB = 1 << 20;

    private TemporaryDirectory _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = new TemporaryDirectory();

    [TearDown]
    public void DeleteDirectory() => _directory.Dispose();

    private static byte[] Header(params uint[] dimensions)
    {
        var header = new byte[4 + 4 * dimensions.Length];
        header[2] = (byte)IdxElementType.UnsignedByte;
        header[3] = (byte)dimensions.Length;
        for (int i = 0; i < dimensions.Length; i++) BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4 + 4 * i), dimensions[i]);
        return header;
    }

    /// <summary>A gzip file holding <paramref name="header"/> and then <paramref name="zeros"/> zero bytes.</summary>
    private string Gzip(string name, byte[] header, long zeros)
    {
        var path = _directory.File(name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(header);
        var chunk = new byte[MiB];
        for (long left = zeros; left > 0; left -= chunk.Length) gzip.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
        return path;
    }

    private static (IdxFormatException Error, long Allocated, TimeSpan Elapsed) Refusal(string path)
    {
        var watch = Stopwatch.StartNew();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<IdxFormatException>(() => IdxReader.Read(path))!;
        return (error, GC.GetAllocatedBytesForCurrentThread() - before, watch.Elapsed);
    }

    [Test]
    public void A_gzip_bomb_behind_a_small_header_is_refused_quickly_naming_the_declared_size()
    {
        var path = Gzip("bomb-images-idx3-ubyte.gz", Header(10, 28, 28), 512 * MiB);
        Assert.That(new FileInfo(path).Length, Is.LessThan(8 * MiB), "the bomb is small on disk");

        var (error, allocated, elapsed) = Refusal(path);

        Assert.That(error.Message, Is.EqualTo(
            $"{path}: header declares 10x28x28 elements of UnsignedByte = 7840 data bytes, but the file holds more (stopped reading at 7841): trailing data, or not the file the header describes"));
        Assert.That(allocated, Is.LessThan(16 * MiB), "decompression stopped at the declared size");
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void A_header_declaring_more_than_an_array_holds_is_refused_before_allocating()
    {
        var path = Gzip("huge.gz", Header(int.MaxValue, int.MaxValue, int.MaxValue), 1024);

        var (error, allocated, _) = Refusal(path);

        Assert.That(error.Problem, Is.EqualTo(
            $"header declares {int.MaxValue}x{int.MaxValue}x{int.MaxValue} elements of UnsignedByte, more than the {Array.MaxLength} data bytes one file may hold"));
        Assert.That(allocated, Is.LessThan(16 * MiB));
    }

    [Test]
    public void A_header_declaring_a_gibibyte_over_a_few_bytes_of_data_allocates_only_what_arrives()
    {
        var path = Gzip("short.gz", Header(1024, 1024, 1024), 100);

        var (error, allocated, _) = Refusal(path);

        Assert.That(error.Problem, Is.EqualTo("header declares 1024x1024x1024 elements of UnsignedByte = 1073741824 data bytes, but the file has 100 (truncated?)"));
        Assert.That(allocated, Is.LessThan(16 * MiB));
    }

    [Test]
    public void A_raw_file_of_the_wrong_size_is_refused_before_its_data_is_read()
    {
        var path = _directory.File("raw.idx");
        File.WriteAllBytes(path, [.. Header(1024, 1024, 1024), .. new byte[100]]);

        var (error, allocated, _) = Refusal(path);

        Assert.That(error.Problem, Does.EndWith("but the file has 100 (truncated?)"));
        Assert.That(allocated, Is.LessThan(16 * MiB));
    }

    [Test]
    [Platform("Linux")]
    public void A_fifo_given_as_an_idx_file_is_refused_without_waiting_for_a_writer()
    {
        var fifo = Fifo.Create(_directory.File("train-images-idx3-ubyte.gz"));

        var error = Fifo.ThrownWithin(TimeSpan.FromSeconds(10), () => IdxReader.Read(fifo), fifo);

        Assert.That(error, Is.InstanceOf<IOException>());
        Assert.That(error!.Message, Does.Contain("is a FIFO (named pipe), not a regular file"));
    }
}
