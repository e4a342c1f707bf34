using System.Text;
using Quasar.HwGen.Codegen.Golden;
using Quasar.HwGen.Core.Execution.Kernel;

namespace Quasar.HwGen.Tests.Codegen;

/// <summary>An independent reader of QGV1 (docs/hls-engine.md §4), written from the contract, for round-trip tests.</summary>
internal static class QgvReader
{
    public static GoldenVectors Read(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        var magic = Encoding.ASCII.GetString(reader.ReadBytes(4));
        if (magic != "QGV1") throw new InvalidDataException($"magic {magic}");
        if (reader.ReadUInt32() != 1) throw new InvalidDataException("version");
        var ops = new List<KernelOp>();
        uint opCount = reader.ReadUInt32();
        for (uint i = 0; i < opCount; i++)
        {
            var name = ReadString(reader);
            var output = ReadString(reader);
            var kind = (GemmOpKind)reader.ReadByte();
            var scalars = new int[15];
            for (int s = 0; s < scalars.Length; s++) scalars[s] = reader.ReadInt32();
            var b = ReadBytes(reader);
            int rows = checked((int)reader.ReadUInt32());
            var rowIs8 = reader.ReadBytes(rows);
            var bias = Enumerable.Range(0, rows).Select(_ => reader.ReadInt32()).ToArray();
            var multiplier = Enumerable.Range(0, rows).Select(_ => reader.ReadInt32()).ToArray();
            var shift = reader.ReadBytes(rows);
            ops.Add(new KernelOp(name, output, kind, GemmCall.FromArray(scalars), Array.ConvertAll(b, x => unchecked((sbyte)x)), rowIs8, bias, multiplier, shift));
        }
        var calls = new List<GoldenCall>();
        uint callCount = reader.ReadUInt32();
        for (uint i = 0; i < callCount; i++)
        {
            int op = checked((int)reader.ReadUInt32()), image = checked((int)reader.ReadUInt32());
            calls.Add(new GoldenCall(op, image, ReadBytes(reader), ReadBytes(reader), ReadBytes(reader)));
        }
        if (reader.BaseStream.Position != bytes.Length) throw new InvalidDataException($"{bytes.Length - reader.BaseStream.Position} bytes after the last call");
        return new GoldenVectors(ops, calls);
    }

    private static string ReadString(BinaryReader reader) => Encoding.UTF8.GetString(reader.ReadBytes(reader.ReadUInt16()));

    private static byte[] ReadBytes(BinaryReader reader) => reader.ReadBytes(checked((int)reader.ReadUInt32()));
}
