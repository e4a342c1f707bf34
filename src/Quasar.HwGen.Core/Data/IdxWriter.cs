using System.Buffers.Binary;
using System.IO.Compression;
using Quasar.HwGen.Core.IO;

namespace Quasar.HwGen.Core.Data;

/// <summary>Writes IDX files, gzip-compressed when the path ends in .gz; atomically.</summary>
public static class IdxWriter
{
    public static void Write(string path, IdxTensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        long expected = tensor.ElementCount * IdxTensor.ElementSize(tensor.ElementType);
        if (tensor.Data.Length != expected)
            throw new ArgumentException($"tensor data has {tensor.Data.Length} bytes, its dimensions need {expected}", nameof(tensor));

        var header = new byte[4 + 4 * tensor.Dimensions.Count];
        header[2] = (byte)tensor.ElementType;
        header[3] = (byte)tensor.Dimensions.Count;
        for (int i = 0; i < tensor.Dimensions.Count; i++)
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4 + 4 * i), (uint)tensor.Dimensions[i]);

        AtomicFile.Write(path, stream =>
        {
            if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                stream.Write(header);
                stream.Write(tensor.Data);
                return;
            }
            using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
            gzip.Write(header);
            gzip.Write(tensor.Data);
        });
    }
}
