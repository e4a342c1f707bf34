using Quasar.Runtime.Xrt.Native;

namespace Quasar.Runtime.Xrt;

/// <summary>An XRT device (the ZCU102's zocl device, or the sw-emu one) with an xclbin loaded on it.</summary>
public sealed class XrtDevice : IDisposable
{
    private readonly DeviceHandle _handle;

    private XrtDevice(DeviceHandle handle) => _handle = handle;

    public XrtLibrary Library => _handle.Library;

    internal DeviceHandle Handle => _handle;

    /// <summary>Opens device <paramref name="index"/> (0 on a ZCU102).</summary>
    public static XrtDevice Open(XrtLibrary library, uint index = 0)
    {
        ArgumentNullException.ThrowIfNull(library);
        return new XrtDevice(new DeviceHandle(library, library.DeviceOpen(index)));
    }

    /// <summary>Loads the xclbin at <paramref name="path"/> (reads it, programs the device) and returns its UUID.</summary>
    public Guid LoadXclbin(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var xclbin = new XclbinHandle(Library, Library.XclbinAllocFilename(path));
        Library.DeviceLoadXclbin(_handle.Value, xclbin.Value, path);
        return Library.XclbinUuid(xclbin.Value, path);
    }

    /// <summary>The UUID of the xclbin loaded on the device.</summary>
    public Guid XclbinUuid => Library.DeviceXclbinUuid(_handle.Value);

    public void Dispose() => _handle.Dispose();
}
