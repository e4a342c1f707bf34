using System.Runtime.InteropServices;

namespace Quasar.HwGen.Core.Ir.Package;

/// <summary>The weights.bin of a package: arrays appended little-endian at 8-byte aligned offsets.</summary>
internal sealed class BlobStore
{
    private const int Alignment = 8;
    private readonly MemoryStream _written = new();
    private readonly byte[] _read = [];

    public BlobStore() { }

    public BlobStore(byte[] content) => _read = content;

    public byte[] ToArray() => _written.ToArray();

    public long Append<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        while (_written.Length % Alignment != 0) _written.WriteByte(0);
        long offset = _written.Length;
        _written.Write(MemoryMarshal.AsBytes(values));
        return offset;
    }

    public T[] Read<T>(long offset, int count) where T : unmanaged
    {
        int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (offset < 0 || count < 0 || offset + (long)count * size > _read.Length)
            throw new InvalidDataException($"array of {count} x {typeof(T).Name} at offset {offset} lies outside weights.bin ({_read.Length} bytes)");
        var result = new T[count];
        _read.AsSpan((int)offset, count * size).CopyTo(MemoryMarshal.AsBytes(result.AsSpan()));
        return result;
    }
}
