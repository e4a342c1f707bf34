using System.IO.Compression;
using Quasar.HwGen.Core.IO;

namespace Quasar.HwGen.Core.Data;

/// <summary>
/// Reads IDX files (the MNIST / Fashion-MNIST format), gzip-compressed or raw. The header is read first and the data
/// it declares bounds everything after: a raw file of another size is refused before its data is read, and
/// decompression stops one byte past the declared size, so a gzip bomb costs no more than the header says.
/// </summary>
public static class IdxReader
{
    private const int ChunkBytes = 1 << 20;

    public static IdxTensor Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: IDX file not found", path);
        BoundedFile.RequireRegularFile(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var magic = new byte[2];
        int magicBytes = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        if (magicBytes < 2 || magic[0] != 0x1f || magic[1] != 0x8b) return ReadFrom(path, file, file.Length);
        try
        {
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            return ReadFrom(path, gzip, knownLength: null);
        }
        catch (InvalidDataException e)
        {
            throw new IdxFormatException(path, $"gzip stream is corrupt or truncated ({e.Message})");
        }
    }

    /// <summary>Parses IDX bytes; <paramref name="path"/> only names the source in errors.</summary>
    public static IdxTensor Parse(string path, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var header = IdxHeader.Parse(path, content);
        long actual = content.Length - header.Size;
        if (actual != header.DataBytes) throw SizeMismatch(path, header, actual);
        return new IdxTensor(header.Type, header.Dimensions, content[header.Size..]);
    }

    private static IdxTensor ReadFrom(string path, Stream stream, long? knownLength)
    {
        var prefix = new byte[IdxHeader.SizeFor(IdxHeader.MaxDimensions)];
        int got = stream.ReadAtLeast(prefix.AsSpan(0, 4), 4, throwOnEndOfStream: false);
        int size = IdxHeader.SizeFor(IdxHeader.Rank(path, prefix.AsSpan(0, got)));
        got += stream.ReadAtLeast(prefix.AsSpan(4, size - 4), size - 4, throwOnEndOfStream: false);
        var header = IdxHeader.Parse(path, prefix.AsSpan(0, got));
        if (knownLength is long length && length - size != header.DataBytes) throw SizeMismatch(path, header, length - size);

        var data = ReadData(stream, header.DataBytes);
        if (data.Length != header.DataBytes) throw SizeMismatch(path, header, data.Length);
        if (stream.ReadByte() >= 0)
        {
            throw new IdxFormatException(path,
                $"header declares {header.Describe()}, but the file holds more (stopped reading at {header.DataBytes + 1}): trailing data, or not the file the header describes");
        }
        return new IdxTensor(header.Type, header.Dimensions, data);
    }

    /// <summary>Up to <paramref name="declared"/> bytes, allocated as they arrive (a header may declare more than the file holds).</summary>
    private static byte[] ReadData(Stream stream, long declared)
    {
        using var memory = new MemoryStream((int)Math.Min(declared, ChunkBytes));
        var chunk = new byte[(int)Math.Min(Math.Max(declared, 1), ChunkBytes)];
        long remaining = declared;
        int read;
        while (remaining > 0 && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, remaining))) > 0)
        {
            memory.Write(chunk, 0, read);
            remaining -= read;
        }
        return memory.ToArray();
    }

    private static IdxFormatException SizeMismatch(string path, IdxHeader header, long actual) =>
        new(path, $"header declares {header.Describe()}, but the file has {actual}" + (actual < header.DataBytes ? " (truncated?)" : " (trailing data)"));
}
