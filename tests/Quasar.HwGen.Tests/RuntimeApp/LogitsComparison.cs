using System.Buffers.Binary;
using System.Globalization;

namespace Quasar.HwGen.Tests.RuntimeApp;

/// <summary>Two logits files of `quasar-run --logits` compared bit for bit, as the Arm64 target in build.cake does.</summary>
internal static class LogitsComparison
{
    /// <summary>Null when the files are byte-identical, else the first differing logit: image, class and both values.</summary>
    public static string? FirstDifference(string first, string second, int images)
    {
        byte[] a = File.ReadAllBytes(first), b = File.ReadAllBytes(second);
        if (a.Length != b.Length || a.Length == 0 || a.Length % (sizeof(float) * images) != 0)
            return $"the file sizes: {first} has {a.Length} bytes, {second} {b.Length} (expected {images} images x classes x 4)";
        int classes = a.Length / sizeof(float) / images;
        for (int i = 0; i < a.Length; i += sizeof(float))
        {
            uint x = BinaryPrimitives.ReadUInt32LittleEndian(a.AsSpan(i)), y = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(i));
            if (x != y)
            {
                int logit = i / sizeof(float);
                return string.Create(CultureInfo.InvariantCulture,
                    $"image {logit / classes}, class {logit % classes}: {BitConverter.UInt32BitsToSingle(x):R} (0x{x:x8}) vs {BitConverter.UInt32BitsToSingle(y):R} (0x{y:x8})");
            }
        }
        return null;
    }
}
