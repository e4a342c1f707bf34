using System.Runtime.InteropServices;
using System.Text;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Core.IO;

namespace Quasar.HwGen.Codegen.Golden;

/// <summary>
/// Writes QGV2 (docs/kernel-layout.md §5), little endian: "QGV2", u32 version, i32 TM, TN, TK, u32 op count, the op
/// records (name, output name, kind, the 9 word-call scalars, w words, rows words), u32 call count, the call records
/// (op index, image, a words, w words, expected out words); every word array as u32 words + 16 bytes a word. Arrays
/// are written whole by C#, never by a template, and each is checked against the sizes its call implies.
/// </summary>
public static class GoldenVectorWriter
{
    public static ReadOnlySpan<byte> Magic => "QGV2"u8;

    public const uint Version = 2;

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
        var sizes = vectors.Ops.Select(op => Sizes(op, vectors.Geometry)).ToList();
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true); // BinaryWriter is little endian everywhere
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(vectors.Geometry.TileTokens);
        writer.Write(vectors.Geometry.TileRows);
        writer.Write(vectors.Geometry.TileReduction);
        writer.Write((uint)vectors.Ops.Count);
        for (int i = 0; i < vectors.Ops.Count; i++)
        {
            var op = vectors.Ops[i];
            WriteString(writer, op.Name);
            WriteString(writer, op.Output);
            writer.Write((byte)op.Kind);
            foreach (int scalar in op.Call.ToArray()) writer.Write(scalar);
            WriteWords(writer, op.W, op.TakesWPerCall ? 0 : sizes[i].WWords, $"op '{op.Name}': w");
            WriteWords(writer, op.Rows, sizes[i].RowsWords, $"op '{op.Name}': rows");
        }
        writer.Write((uint)vectors.Calls.Count);
        foreach (var call in vectors.Calls)
        {
            if ((uint)call.OpIndex >= (uint)vectors.Ops.Count) throw new ArgumentException($"a call of image {call.Image} names op {call.OpIndex} of {vectors.Ops.Count}", nameof(vectors));
            var op = vectors.Ops[call.OpIndex];
            var size = sizes[call.OpIndex];
            writer.Write((uint)call.OpIndex);
            writer.Write((uint)call.Image);
            string where = $"call of op '{op.Name}' on image {call.Image}";
            WriteWords(writer, call.A, size.AWords, $"{where}: a");
            WriteWords(writer, call.W, op.TakesWPerCall ? size.WWords : 0, $"{where}: w");
            WriteWords(writer, call.Expected, size.OutWords, $"{where}: expected out");
        }
    }

    private static KernelWordSizes Sizes(GoldenOp op, KernelGeometry geometry)
    {
        try
        {
            return KernelWordSizes.Of(op.Call, geometry);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"op '{op.Name}': {e.Message}", nameof(op), e);
        }
    }

    private static void WriteString(BinaryWriter writer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        if (bytes.Length > ushort.MaxValue) throw new ArgumentException($"name '{value[..40]}...' is longer than {ushort.MaxValue} bytes", nameof(value));
        writer.Write((ushort)bytes.Length);
        writer.Write(bytes);
    }

    private static void WriteWords(BinaryWriter writer, UInt128[] words, int expected, string what)
    {
        if (words.Length != expected) throw new ArgumentException($"{what} has {words.Length} words, its call lays out {expected}", nameof(words));
        writer.Write((uint)words.Length);
        writer.Write(MemoryMarshal.AsBytes(words.AsSpan()));
    }
}
