using Quasar.Runtime.Xrt.Native;

namespace Quasar.Runtime.Xrt;

/// <summary>
/// A buffer object: host memory and its device copy, kept apart until synced (<see cref="SyncToDevice"/> after
/// writing, <see cref="SyncFromDevice"/> before reading what a run wrote).
/// </summary>
public sealed class XrtBuffer : IDisposable
{
    private readonly BufferHandle _handle;

    private XrtBuffer(BufferHandle handle)
    {
        _handle = handle;
        Size = handle.Library.BufferSize(handle.Value);
        Address = handle.Library.BufferAddress(handle.Value);
    }

    /// <summary>Bytes.</summary>
    public long Size { get; }

    /// <summary>The device address, as a buffer argument of a run takes it.</summary>
    public ulong Address { get; }

    /// <summary>Allocates <paramref name="bytes"/> in memory group <paramref name="group"/> (<see cref="XrtKernel.ArgumentGroup"/>).</summary>
    public static XrtBuffer Allocate(XrtDevice device, long bytes, int group)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        ArgumentOutOfRangeException.ThrowIfNegative(group);
        var library = device.Library;
        return new XrtBuffer(new BufferHandle(library, library.BufferAlloc(device.Handle.Value, bytes, flags: 0, (uint)group), device.Handle));
    }

    /// <summary>Copies <paramref name="source"/> into the host memory at byte <paramref name="offset"/>.</summary>
    public void Write(ReadOnlySpan<byte> source, long offset = 0) => _handle.Library.BufferWrite(_handle.Value, source, offset);

    /// <summary>Copies the host memory from byte <paramref name="offset"/> into <paramref name="target"/>.</summary>
    public void Read(Span<byte> target, long offset = 0) => _handle.Library.BufferRead(_handle.Value, target, offset);

    /// <summary>Host memory → device, <paramref name="bytes"/> from <paramref name="offset"/> (the whole buffer by default).</summary>
    public void SyncToDevice(long bytes = -1, long offset = 0) =>
        _handle.Library.BufferSync(_handle.Value, SyncDirection.ToDevice, bytes < 0 ? Size - offset : bytes, offset);

    /// <summary>Device → host memory, <paramref name="bytes"/> from <paramref name="offset"/> (the whole buffer by default).</summary>
    public void SyncFromDevice(long bytes = -1, long offset = 0) =>
        _handle.Library.BufferSync(_handle.Value, SyncDirection.FromDevice, bytes < 0 ? Size - offset : bytes, offset);

    public void Dispose() => _handle.Dispose();
}
