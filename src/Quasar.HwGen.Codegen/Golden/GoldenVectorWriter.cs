using System.Text;
using Quasar.HwGen.Core.IO;

namespace Quasar.HwGen.Codegen.Golden;

/// <summary>
/// Writes QGV1 (docs/hls-engine.md §4), little endian: "QGV1", u32 version, u32 op count, the op records (name,
/// output name, kind, the 15 call scalars, B, the row tables), u32 call count, the call records (op index, image, A,
/// B, expected output). Byte arrays and tables are written whole by C#, never by a template.
/// </summary>
public static class GoldenVectorWriter
{
    public static ReadOnlySpan<byte> Magic => "QGV1"u8;

    public const uint Version = 1;

    /// <summary>Writes <paramref name="vectors"/> to <paramref name="path"/> atomically (a reader sees the old file or the whole new one).</summary>
    public static void WriteFile(string path, GoldenVectors vectors) => AtomicFile.Write(path, stream => Write(stream, vectors));

    public static byte[] ToBytes(GoldenVectors vectors)
    {
        using var stream = new MemoryStream();
        Write(stream, vectors);
        return stream.ToArray();
    }

    public static void Write(Stream stream, GoldenVectors vectors)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(vectors);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true); // BinaryWriter is little endian everywhere
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write((uint)vectors.Ops.Count);
        foreach (var op in vectors.Ops)
        {
            WriteString(writer, op.Name);
            WriteString(writer, op.Output);
            writer.Write((byte)op.Kind);
            foreach (int scalar in op.Call.ToArray()) writer.Write(scalar);
            WriteBytes(writer, System.Runtime.InteropServices.MemoryMarshal.AsBytes(op.Weights.AsSpan()));
            int rows = op.Call.TableRows;
            if (op.RowIs8.Length != rows || op.Bias.Length != rows || op.Multiplier.Length != rows || op.Shift.Length != rows)
                throw new ArgumentException($"op '{op.Name}' has row tables of {op.RowIs8.Length}/{op.Bias.Length}/{op.Multiplier.Length}/{op.Shift.Length} entries; its call needs {rows}", nameof(vectors));
            writer.Write((uint)rows);
            writer.Write(op.RowIs8);
            foreach (int bias in op.Bias) writer.Write(bias);
            foreach (int multiplier in op.Multiplier) writer.Write(multiplier);
            writer.Write(op.Shift);
        }
        writer.Write((uint)vectors.Calls.Count);
        foreach (var call in vectors.Calls)
        {
            writer.Write((uint)call.OpIndex);
            writer.Write((uint)call.Image);
            WriteBytes(writer, call.A);
            WriteBytes(writer, call.B);
            WriteBytes(writer, call.Expected);
        }
    }

    private static void WriteString(BinaryWriter writer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        if (bytes.Length > ushort.MaxValue) throw new ArgumentException($"name '{value[..40]}...' is longer than {ushort.MaxValue} bytes", nameof(value));
        writer.Write((ushort)bytes.Length);
        writer.Write(bytes);
    }

    private static void WriteBytes(BinaryWriter writer, ReadOnlySpan<byte> bytes)
    {
        writer.Write((uint)bytes.Length);
        writer.Write(bytes);
    }
}
