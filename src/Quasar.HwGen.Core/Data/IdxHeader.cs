using System.Buffers.Binary;

namespace Quasar.HwGen.Core.Data;

/// <summary>The header of an IDX file: magic number (two zero bytes, element type, rank) and one big-endian u32 per dimension.</summary>
internal sealed record IdxHeader(IdxElementType Type, int[] Dimensions, long DataBytes)
{
    public const int MaxDimensions = 8;

    /// <summary>The most data one file may declare: what a single .NET array holds.</summary>
    public static readonly long MaxDataBytes = Array.MaxLength;

    public int Size => SizeFor(Dimensions.Length);

    public static int SizeFor(int rank) => 4 + 4 * rank;

    public string Describe() => $"{string.Join("x", Dimensions)} elements of {Type} = {DataBytes} data bytes";

    /// <summary>Checks the magic number in the first 4 bytes of <paramref name="content"/> and returns the rank.</summary>
    public static int Rank(string path, ReadOnlySpan<byte> content)
    {
        if (content.Length < 4) throw new IdxFormatException(path, $"file is {content.Length} bytes, shorter than the 4-byte IDX magic number");
        if (content[0] != 0 || content[1] != 0)
            throw new IdxFormatException(path, $"wrong magic number 0x{BinaryPrimitives.ReadUInt32BigEndian(content):X8}: an IDX file starts with two zero bytes");
        if (!Enum.IsDefined((IdxElementType)content[2])) throw new IdxFormatException(path, $"unknown element type 0x{content[2]:X2} in the magic number");
        int rank = content[3];
        if (rank is 0 or > MaxDimensions) throw new IdxFormatException(path, $"unsupported number of dimensions {rank} (1..{MaxDimensions})");
        return rank;
    }

    /// <summary>Parses the header at the start of <paramref name="content"/>; the data it declares is checked against
    /// <see cref="MaxDataBytes"/> here, before anything is allocated for it.</summary>
    public static IdxHeader Parse(string path, ReadOnlySpan<byte> content)
    {
        int rank = Rank(path, content);
        int size = SizeFor(rank);
        if (content.Length < size) throw new IdxFormatException(path, $"header is truncated: {rank} dimensions need {size} bytes, file has {content.Length}");

        var type = (IdxElementType)content[2];
        var dimensions = new int[rank];
        // Each size is below 2^31 and the running product is checked against the cap after every factor, so no overflow.
        long bytes = IdxTensor.ElementSize(type);
        for (int i = 0; i < rank; i++)
        {
            uint dimension = BinaryPrimitives.ReadUInt32BigEndian(content[(4 + 4 * i)..]);
            if (dimension > int.MaxValue) throw new IdxFormatException(path, $"dimension {i} has an impossible size {dimension}");
            dimensions[i] = (int)dimension;
            if (bytes <= MaxDataBytes) bytes = checked(bytes * dimension);
        }
        if (bytes > MaxDataBytes)
        {
            throw new IdxFormatException(path,
                $"header declares {string.Join("x", dimensions)} elements of {type}, more than the {MaxDataBytes} data bytes one file may hold");
        }
        return new IdxHeader(type, dimensions, bytes);
    }
}
