using System.Buffers.Binary;
using Quasar.HwGen.Core.IO;

namespace Quasar.Runtime.App;

/// <summary>
/// `--logits`: float32 little-endian, image after image, [images × classes], no header. Little-endian spelled out so
/// files from an x64 and an arm64 run compare byte for byte; written atomically, so a reader never sees half a file.
/// </summary>
public static class LogitsFile
{
    public static void Write(string path, IReadOnlyList<float[]> logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        int classes = logits.Count == 0 ? 0 : logits[0].Length;
        var bytes = new byte[checked(logits.Count * classes * sizeof(float))];
        for (int i = 0; i < logits.Count; i++)
        {
            if (logits[i].Length != classes) throw new ArgumentException($"image {i} has {logits[i].Length} logits, image 0 has {classes}", nameof(logits));
            for (int c = 0; c < classes; c++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan((i * classes + c) * sizeof(float)), logits[i][c]);
        }
        AtomicFile.WriteAllBytes(path, bytes);
    }

    /// <summary>Every logit of the file in order: image i's class c is at i × classes + c.</summary>
    public static float[] Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length % sizeof(float) != 0) throw new InvalidDataException($"{path}: {bytes.Length} bytes is not a whole number of float32 logits");
        var logits = new float[bytes.Length / sizeof(float)];
        for (int i = 0; i < logits.Length; i++) logits[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        return logits;
    }
}
