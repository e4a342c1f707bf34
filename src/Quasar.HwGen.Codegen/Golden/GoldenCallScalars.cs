using System.Text;
using Quasar.HwGen.Core.Execution.Kernel;

namespace Quasar.HwGen.Codegen.Golden;

/// <summary>
/// The scalars of every call of a QGV2 file (docs/kernel-layout.md §5), in call order, and the geometry the words
/// were laid out for: what the testbench passes to the kernel, call by call, and so what a cosimulation ran. The word
/// arrays are skipped, never loaded. A file that is not QGV2 or ends early is an <see cref="InvalidDataException"/>
/// naming it.
/// </summary>
public sealed record GoldenCallScalars(KernelGeometry Geometry, IReadOnlyList<KernelWordCall> Calls)
{
    public static GoldenCallScalars Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            return Read(stream, path);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path}: the golden vectors end early (truncated?); regenerate the project", e);
        }
    }

    private static GoldenCallScalars Read(Stream stream, string path)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (!reader.ReadBytes(4).AsSpan().SequenceEqual(GoldenVectorWriter.Magic))
            throw new InvalidDataException($"{path}: not golden vectors (no QGV2 magic); regenerate the project");
        uint version = reader.ReadUInt32();
        if (version != GoldenVectorWriter.Version) throw new InvalidDataException($"{path}: golden vectors of version {version}, this quasar reads {GoldenVectorWriter.Version}; regenerate the project");
        int tm = reader.ReadInt32(), tn = reader.ReadInt32(), tk = reader.ReadInt32();
        if (tm <= 0 || tn <= 0 || tk <= 0) throw new InvalidDataException($"{path}: the geometry TM {tm}, TN {tn}, TK {tk} is not positive");
        uint opCount = reader.ReadUInt32();
        var ops = new List<KernelWordCall>();
        var scalars = new int[KernelWordCall.ScalarCount];
        for (uint i = 0; i < opCount; i++)
        {
            Skip(stream, reader.ReadUInt16(), path); // name
            Skip(stream, reader.ReadUInt16(), path); // output name
            reader.ReadByte(); // kind
            for (int s = 0; s < scalars.Length; s++) scalars[s] = reader.ReadInt32();
            ops.Add(KernelWordCall.FromArray(scalars));
            SkipWords(stream, reader, path); // w
            SkipWords(stream, reader, path); // rows
        }
        uint callCount = reader.ReadUInt32();
        var calls = new List<KernelWordCall>();
        for (uint i = 0; i < callCount; i++)
        {
            uint op = reader.ReadUInt32();
            if (op >= ops.Count) throw new InvalidDataException($"{path}: call {i} names op {op} of {ops.Count}");
            reader.ReadUInt32(); // image
            for (int array = 0; array < 3; array++) SkipWords(stream, reader, path); // a, w, expected out
            calls.Add(ops[(int)op]);
        }
        return new GoldenCallScalars(new KernelGeometry(tm, tn, tk), calls);
    }

    private static void SkipWords(Stream stream, BinaryReader reader, string path) => Skip(stream, (long)reader.ReadUInt32() * Hardware.Kernel.KernelCallSizes.WordBytes, path);

    private static void Skip(Stream stream, long bytes, string path)
    {
        if (stream.Position + bytes > stream.Length) throw new InvalidDataException($"{path}: the golden vectors end early (truncated?); regenerate the project");
        stream.Seek(bytes, SeekOrigin.Current);
    }
}
