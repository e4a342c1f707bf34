using System.Buffers.Binary;
using System.IO.Compression;

namespace Quasar.HwGen.Core.Data;

/// <summary>Reads IDX files (the MNIST / Fashion-MNIST format), gzip-compressed or raw.</summary>
public static class IdxReader
{
    private const int MaxDimensions = 8;

    public static IdxTensor Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: IDX file not found", path);
        byte[] content;
        try
        {
            content = Decompress(path, File.ReadAllBytes(path));
        }
        catch (InvalidDataException e)
        {
            throw new IdxFormatException(path, $"gzip stream is corrupt or truncated ({e.Message})");
        }
        return Parse(path, content);
    }

    /// <summary>Parses IDX bytes; <paramref name="path"/> only names the source in errors.</summary>
    public static IdxTensor Parse(string path, byte[] content)
    {
        if (content.Length < 4) throw new IdxFormatException(path, $"file is {content.Length} bytes, shorter than the 4-byte IDX magic number");
        if (content[0] != 0 || content[1] != 0)
            throw new IdxFormatException(path, $"wrong magic number 0x{BinaryPrimitives.ReadUInt32BigEndian(content):X8}: an IDX file starts with two zero bytes");
        var type = (IdxElementType)content[2];
        if (!Enum.IsDefined(type)) throw new IdxFormatException(path, $"unknown element type 0x{content[2]:X2} in the magic number");
        int rank = content[3];
        if (rank is 0 or > MaxDimensions) throw new IdxFormatException(path, $"unsupported number of dimensions {rank} (1..{MaxDimensions})");
        int headerSize = 4 + 4 * rank;
        if (content.Length < headerSize) throw new IdxFormatException(path, $"header is truncated: {rank} dimensions need {headerSize} bytes, file has {content.Length}");

        var dimensions = new int[rank];
        long elements = 1;
        for (int i = 0; i < rank; i++)
        {
            uint size = BinaryPrimitives.ReadUInt32BigEndian(content.AsSpan(4 + 4 * i));
            if (size > int.MaxValue) throw new IdxFormatException(path, $"dimension {i} has an impossible size {size}");
            dimensions[i] = (int)size;
            elements *= size;
        }
        long expected = elements * IdxTensor.ElementSize(type);
        long actual = content.Length - headerSize;
        if (actual != expected)
        {
            throw new IdxFormatException(path,
                $"header declares {string.Join("x", dimensions)} elements of {type} = {expected} data bytes, but the file has {actual}"
                + (actual < expected ? " (truncated?)" : " (trailing data)"));
        }
        return new IdxTensor(type, dimensions, content[headerSize..]);
    }

    private static byte[] Decompress(string path, byte[] raw)
    {
        bool isGzip = raw.Length >= 2 && raw[0] == 0x1f && raw[1] == 0x8b;
        if (!isGzip) return raw;
        using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
