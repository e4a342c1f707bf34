using System.Text;
using Quasar.HwGen.Codegen.Golden;
using Quasar.HwGen.Core.Execution.Kernel;

namespace Quasar.HwGen.Tests.Codegen;

/// <summary>An independent reader of QGV2 (docs/kernel-layout.md §5), written from the contract, for round-trip tests.</summary>
internal static class QgvReader
{
    public static GoldenVectors Read(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        var magic = Encoding.ASCII.GetString(reader.ReadBytes(4));
        if (magic != "QGV2") throw new InvalidDataException($"magic {magic}");
        if (reader.ReadUInt32() != 2) throw new InvalidDataException("version");
        var geometry = new KernelGeometry(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
        var ops = new List<GoldenOp>();
        uint opCount = reader.ReadUInt32();
        for (uint i = 0; i < opCount; i++)
        {
            var name = ReadString(reader);
            var output = ReadString(reader);
            var kind = (GemmOpKind)reader.ReadByte();
            var scalars = new int[9];
            for (int s = 0; s < scalars.Length; s++) scalars[s] = reader.ReadInt32();
            ops.Add(new GoldenOp(name, output, kind, KernelWordCall.FromArray(scalars), ReadWords(reader), ReadWords(reader)));
        }
        var calls = new List<GoldenCall>();
        uint callCount = reader.ReadUInt32();
        for (uint i = 0; i < callCount; i++)
        {
            int op = checked((int)reader.ReadUInt32()), image = checked((int)reader.ReadUInt32());
            calls.Add(new GoldenCall(op, image, ReadWords(reader), ReadWords(reader), ReadWords(reader)));
        }
        if (reader.BaseStream.Position != bytes.Length) throw new InvalidDataException($"{bytes.Length - reader.BaseStream.Position} bytes after the last call");
        return new GoldenVectors(geometry, ops, calls);
    }

    private static string ReadString(BinaryReader reader) => Encoding.UTF8.GetString(reader.ReadBytes(reader.ReadUInt16()));

    /// <summary>u32 words, then 16 bytes a word, byte b of a word its bits [8b+7 : 8b].</summary>
    private static UInt128[] ReadWords(BinaryReader reader)
    {
        int count = checked((int)reader.ReadUInt32());
        var bytes = reader.ReadBytes(checked(count * 16));
        if (bytes.Length != count * 16) throw new InvalidDataException($"{count} words announced, {bytes.Length} bytes left");
        var words = new UInt128[count];
        for (int i = 0; i < count; i++)
            words[i] = new UInt128(BitConverter.ToUInt64(bytes, 16 * i + 8), BitConverter.ToUInt64(bytes, 16 * i));
        return words;
    }
}
