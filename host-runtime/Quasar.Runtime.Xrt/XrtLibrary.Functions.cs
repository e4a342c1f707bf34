using System.Runtime.InteropServices;
using System.Text;
using Quasar.Runtime.Xrt.Native;

namespace Quasar.Runtime.Xrt;

/// <summary>
/// The C functions, one wrapper each: errno cleared before the call and read right after it (before anything that
/// could allocate), a failure turned into an <see cref="XrtException"/> naming the call, its arguments and errno.
/// </summary>
public sealed unsafe partial class XrtLibrary
{
    private delegate* unmanaged[Cdecl]<uint, nint> _deviceOpen;
    private delegate* unmanaged[Cdecl]<nint, int> _deviceClose;
    private delegate* unmanaged[Cdecl]<nint, nint, int> _deviceLoadXclbinHandle;
    private delegate* unmanaged[Cdecl]<nint, byte*, int> _deviceGetXclbinUuid;
    private delegate* unmanaged[Cdecl]<byte*, nint> _xclbinAllocFilename;
    private delegate* unmanaged[Cdecl]<nint, int> _xclbinFreeHandle;
    private delegate* unmanaged[Cdecl]<nint, byte*, int> _xclbinGetUuid;
    private delegate* unmanaged[Cdecl]<nint, byte*, byte*, nint> _kernelOpen;
    private delegate* unmanaged[Cdecl]<nint, int> _kernelClose;
    private delegate* unmanaged[Cdecl]<nint, int, int> _kernelArgGroupId;
    private delegate* unmanaged[Cdecl]<nint, nint> _runOpen;
    private delegate* unmanaged[Cdecl]<nint, int, void*, nuint, int> _runSetArgV;
    private delegate* unmanaged[Cdecl]<nint, int, void*, nuint, int> _runGetArgV;
    private delegate* unmanaged[Cdecl]<nint, int> _runStart;
    private delegate* unmanaged[Cdecl]<nint, uint, int> _runWaitFor;
    private delegate* unmanaged[Cdecl]<nint, int> _runClose;
    private delegate* unmanaged[Cdecl]<nint, nuint, ulong, uint, nint> _boAlloc;
    private delegate* unmanaged[Cdecl]<nint, int> _boFree;
    private delegate* unmanaged[Cdecl]<nint, nuint> _boSize;
    private delegate* unmanaged[Cdecl]<nint, ulong> _boAddress;
    private delegate* unmanaged[Cdecl]<nint, int, nuint, nuint, int> _boSync;
    private delegate* unmanaged[Cdecl]<nint, void*, nuint, nuint, int> _boWrite;
    private delegate* unmanaged[Cdecl]<nint, void*, nuint, nuint, int> _boRead;
    private delegate* unmanaged[Cdecl]<byte*> _lastError;
    private delegate* unmanaged[Cdecl]<int> _liveHandles;

    private void Resolve()
    {
        _deviceOpen = (delegate* unmanaged[Cdecl]<uint, nint>)Export("xrtDeviceOpen");
        _deviceClose = (delegate* unmanaged[Cdecl]<nint, int>)Export("xrtDeviceClose");
        _deviceLoadXclbinHandle = (delegate* unmanaged[Cdecl]<nint, nint, int>)Export("xrtDeviceLoadXclbinHandle");
        _deviceGetXclbinUuid = (delegate* unmanaged[Cdecl]<nint, byte*, int>)Export("xrtDeviceGetXclbinUUID");
        _xclbinAllocFilename = (delegate* unmanaged[Cdecl]<byte*, nint>)Export("xrtXclbinAllocFilename");
        _xclbinFreeHandle = (delegate* unmanaged[Cdecl]<nint, int>)Export("xrtXclbinFreeHandle");
        _xclbinGetUuid = (delegate* unmanaged[Cdecl]<nint, byte*, int>)Export("xrtXclbinGetUUID");
        _kernelOpen = (delegate* unmanaged[Cdecl]<nint, byte*, byte*, nint>)Export("xrtPLKernelOpen");
        _kernelClose = (delegate* unmanaged[Cdecl]<nint, int>)Export("xrtKernelClose");
        _kernelArgGroupId = (delegate* unmanaged[Cdecl]<nint, int, int>)Export("xrtKernelArgGroupId");
        _runOpen = (delegate* unmanaged[Cdecl]<nint, nint>)Export("xrtRunOpen");
        _runSetArgV = (delegate* unmanaged[Cdecl]<nint, int, void*, nuint, int>)Export("xrtRunSetArgV");
        _runGetArgV = (delegate* unmanaged[Cdecl]<nint, int, void*, nuint, int>)Export("xrtRunGetArgV");
        _runStart = (delegate* unmanaged[Cdecl]<nint, int>)Export("xrtRunStart");
        _runWaitFor = (delegate* unmanaged[Cdecl]<nint, uint, int>)Export("xrtRunWaitFor");
        _runClose = (delegate* unmanaged[Cdecl]<nint, int>)Export("xrtRunClose");
        _boAlloc = (delegate* unmanaged[Cdecl]<nint, nuint, ulong, uint, nint>)Export("xrtBOAlloc");
        _boFree = (delegate* unmanaged[Cdecl]<nint, int>)Export("xrtBOFree");
        _boSize = (delegate* unmanaged[Cdecl]<nint, nuint>)Export("xrtBOSize");
        _boAddress = (delegate* unmanaged[Cdecl]<nint, ulong>)Export("xrtBOAddress");
        _boSync = (delegate* unmanaged[Cdecl]<nint, int, nuint, nuint, int>)Export("xrtBOSync");
        _boWrite = (delegate* unmanaged[Cdecl]<nint, void*, nuint, nuint, int>)Export("xrtBOWrite");
        _boRead = (delegate* unmanaged[Cdecl]<nint, void*, nuint, nuint, int>)Export("xrtBORead");
        _lastError = NativeLibrary.TryGetExport(_library, "quasar_swemu_last_error", out var lastError) ? (delegate* unmanaged[Cdecl]<byte*>)lastError : null;
        _liveHandles = NativeLibrary.TryGetExport(_library, "quasar_swemu_live_handles", out var live) ? (delegate* unmanaged[Cdecl]<int>)live : null;
    }

    private nint Export(string name) =>
        NativeLibrary.TryGetExport(_library, name, out var address)
            ? address
            : throw new XrtException($"the XRT library '{Path}' does not export {name}: it is not XRT's C API (libxrt_coreutil) or a release before 2021.1");

    internal nint DeviceOpen(uint index)
    {
        Marshal.SetLastSystemError(0);
        nint device = _deviceOpen(index);
        if (device == 0) throw Failure(Marshal.GetLastSystemError(), "xrtDeviceOpen", $"index {index}");
        return device;
    }

    internal int DeviceClose(nint device) => _deviceClose(device);

    internal void DeviceLoadXclbin(nint device, nint xclbin, string path)
    {
        Marshal.SetLastSystemError(0);
        int result = _deviceLoadXclbinHandle(device, xclbin);
        if (result != 0) throw Failure(Marshal.GetLastSystemError(), "xrtDeviceLoadXclbinHandle", $"'{path}'");
    }

    internal Guid DeviceXclbinUuid(nint device)
    {
        Span<byte> uuid = stackalloc byte[16];
        Marshal.SetLastSystemError(0);
        int result;
        fixed (byte* bytes = uuid) result = _deviceGetXclbinUuid(device, bytes);
        if (result != 0) throw Failure(Marshal.GetLastSystemError(), "xrtDeviceGetXclbinUUID", "the device");
        return new Guid(uuid, bigEndian: true);
    }

    internal nint XclbinAllocFilename(string path)
    {
        var utf8 = Utf8(path);
        Marshal.SetLastSystemError(0);
        nint xclbin;
        fixed (byte* name = utf8) xclbin = _xclbinAllocFilename(name);
        if (xclbin == 0) throw Failure(Marshal.GetLastSystemError(), "xrtXclbinAllocFilename", $"'{path}'");
        return xclbin;
    }

    internal int XclbinFree(nint xclbin) => _xclbinFreeHandle(xclbin);

    internal Guid XclbinUuid(nint xclbin, string path)
    {
        Span<byte> uuid = stackalloc byte[16];
        Marshal.SetLastSystemError(0);
        int result;
        fixed (byte* bytes = uuid) result = _xclbinGetUuid(xclbin, bytes);
        if (result != 0) throw Failure(Marshal.GetLastSystemError(), "xrtXclbinGetUUID", $"'{path}'");
        return new Guid(uuid, bigEndian: true);
    }

    internal nint KernelOpen(nint device, Guid xclbin, string name)
    {
        Span<byte> uuid = stackalloc byte[16];
        xclbin.TryWriteBytes(uuid, bigEndian: true, out _);
        var utf8 = Utf8(name);
        Marshal.SetLastSystemError(0);
        nint kernel;
        fixed (byte* id = uuid)
        fixed (byte* text = utf8)
        {
            kernel = _kernelOpen(device, id, text);
        }
        if (kernel == 0) throw Failure(Marshal.GetLastSystemError(), "xrtPLKernelOpen", $"xclbin {xclbin}, kernel '{name}'");
        return kernel;
    }

    internal int KernelClose(nint kernel) => _kernelClose(kernel);

    internal int KernelArgGroupId(nint kernel, int argument)
    {
        Marshal.SetLastSystemError(0);
        int group = _kernelArgGroupId(kernel, argument);
        if (group < 0) throw Failure(Marshal.GetLastSystemError(), "xrtKernelArgGroupId", $"argument {argument}");
        return group;
    }

    internal nint RunOpen(nint kernel)
    {
        Marshal.SetLastSystemError(0);
        nint run = _runOpen(kernel);
        if (run == 0) throw Failure(Marshal.GetLastSystemError(), "xrtRunOpen", "the kernel");
        return run;
    }

    internal void RunSetArg(nint run, int index, ReadOnlySpan<byte> value)
    {
        Marshal.SetLastSystemError(0);
        int result;
        fixed (byte* bytes = value) result = _runSetArgV(run, index, bytes, (nuint)value.Length);
        if (result != 0) throw Failure(Marshal.GetLastSystemError(), "xrtRunSetArgV", $"argument {index}, {value.Length} bytes");
    }

    internal void RunGetArg(nint run, int index, Span<byte> value)
    {
        Marshal.SetLastSystemError(0);
        int result;
        fixed (byte* bytes = value) result = _runGetArgV(run, index, bytes, (nuint)value.Length);
        if (result != 0) throw Failure(Marshal.GetLastSystemError(), "xrtRunGetArgV", $"argument {index}, {value.Length} bytes");
    }

    internal void RunStart(nint run)
    {
        Marshal.SetLastSystemError(0);
        int result = _runStart(run);
        if (result != 0) throw Failure(Marshal.GetLastSystemError(), "xrtRunStart", "the run");
    }

    /// <summary>The run's state after waiting at most <paramref name="milliseconds"/> (0: until it ends).</summary>
    internal RunState RunWait(nint run, uint milliseconds) => (RunState)_runWaitFor(run, milliseconds);

    internal int RunClose(nint run) => _runClose(run);

    internal nint BufferAlloc(nint device, long bytes, ulong flags, uint group)
    {
        Marshal.SetLastSystemError(0);
        nint buffer = _boAlloc(device, (nuint)bytes, flags, group);
        if (buffer == 0) throw Failure(Marshal.GetLastSystemError(), "xrtBOAlloc", $"{bytes} bytes, flags 0x{flags:X}, memory group {group}");
        return buffer;
    }

    internal int BufferFree(nint buffer) => _boFree(buffer);

    internal long BufferSize(nint buffer) => (long)_boSize(buffer);

    internal ulong BufferAddress(nint buffer) => _boAddress(buffer);

    internal void BufferSync(nint buffer, SyncDirection direction, long bytes, long offset)
    {
        Marshal.SetLastSystemError(0);
        int result = _boSync(buffer, (int)direction, (nuint)bytes, (nuint)offset);
        if (result != 0) throw Failure(Marshal.GetLastSystemError(), "xrtBOSync", $"{direction}, {bytes} bytes at {offset}");
    }

    internal void BufferWrite(nint buffer, ReadOnlySpan<byte> source, long seek)
    {
        Marshal.SetLastSystemError(0);
        int result;
        fixed (byte* bytes = source) result = _boWrite(buffer, bytes, (nuint)source.Length, (nuint)seek);
        if (result != 0) throw Failure(Marshal.GetLastSystemError(), "xrtBOWrite", $"{source.Length} bytes at {seek}");
    }

    internal void BufferRead(nint buffer, Span<byte> target, long skip)
    {
        Marshal.SetLastSystemError(0);
        int result;
        fixed (byte* bytes = target) result = _boRead(buffer, bytes, (nuint)target.Length, (nuint)skip);
        if (result != 0) throw Failure(Marshal.GetLastSystemError(), "xrtBORead", $"{target.Length} bytes at {skip}");
    }

    private XrtException Failure(int errno, string call, string arguments) =>
        XrtException.Failed(call, arguments, errno, LastErrorDetail(), Path);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text + '\0');
}
