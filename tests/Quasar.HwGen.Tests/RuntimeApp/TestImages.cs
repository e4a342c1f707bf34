using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Quasar.HwGen.Tests.RuntimeApp;

/// <summary>Writes the image files `quasar-run --images` reads: binary PGM/PPM, and PNG (8 or 16 bits, grey/RGB/RGBA).</summary>
internal static class TestImages
{
    /// <summary>P5 (1 channel) or P6 (3 channels) of interleaved samples.</summary>
    public static void WriteAnymap(string path, int width, int height, int channels, ReadOnlySpan<byte> samples)
    {
        using var file = File.Create(path);
        file.Write(Encoding.ASCII.GetBytes($"P{(channels == 1 ? 5 : 6)}\n# written by a test\n{width} {height}\n255\n"));
        file.Write(samples);
    }

    /// <summary>A PNG of colour type grey (1), RGB (3) or RGBA (4 channels), <paramref name="bits"/> 8 or 16 per sample.</summary>
    public static void WritePng(string path, int width, int height, int channels, ReadOnlySpan<byte> samples, int bits = 8)
    {
        int bytesPerSample = bits / 8, stride = width * channels * bytesPerSample;
        var raw = new byte[height * (stride + 1)];
        for (int y = 0; y < height; y++)
        {
            for (int i = 0; i < width * channels; i++)
            {
                // 16-bit samples repeat the byte, so that the high byte is the 8-bit value.
                for (int b = 0; b < bytesPerSample; b++) raw[y * (stride + 1) + 1 + i * bytesPerSample + b] = samples[y * width * channels + i];
            }
        }
        using var file = File.Create(path);
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = (byte)bits;
        header[9] = channels switch { 1 => 0, 3 => 2, 4 => 6, _ => throw new ArgumentOutOfRangeException(nameof(channels)) };
        Chunk(file, "IHDR", header);
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) zlib.Write(raw);
        Chunk(file, "IDAT", compressed.ToArray());
        Chunk(file, "IEND", []);
    }

    private static void Chunk(Stream file, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        file.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        file.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        file.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
        }
        return ~crc;
    }
}
