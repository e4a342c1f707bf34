using Quasar.Runtime.Xrt.Native;

namespace Quasar.Runtime.Xrt;

/// <summary>A kernel of the loaded xclbin (its compute unit), from which runs are opened.</summary>
public sealed class XrtKernel : IDisposable
{
    private readonly KernelHandle _handle;

    private XrtKernel(KernelHandle handle, string name)
    {
        _handle = handle;
        Name = name;
    }

    public string Name { get; }

    internal KernelHandle Handle => _handle;

    /// <summary>Opens kernel <paramref name="name"/> of the xclbin <paramref name="xclbin"/> loaded on <paramref name="device"/>.</summary>
    public static XrtKernel Open(XrtDevice device, Guid xclbin, string name)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var library = device.Library;
        return new XrtKernel(new KernelHandle(library, library.KernelOpen(device.Handle.Value, xclbin, name), device.Handle), name);
    }

    /// <summary>The memory group (bank) a buffer argument must be allocated in.</summary>
    public int ArgumentGroup(int argument) => _handle.Library.KernelArgGroupId(_handle.Value, argument);

    public void Dispose() => _handle.Dispose();
}
