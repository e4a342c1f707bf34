using System.Runtime.InteropServices;

namespace Quasar.Runtime.Xrt.Native;

/// <summary>
/// A handle of an XRT library with the call that releases it. A child keeps its parent open (a buffer, a kernel or an
/// xclbin its device; a run its kernel), so that disposal in any order, or by the finalizer, never closes a device
/// under a live buffer.
/// </summary>
public abstract class XrtHandle : SafeHandle
{
    private readonly XrtHandle? _parent;

    private protected XrtHandle(XrtLibrary library, nint value, XrtHandle? parent)
        : base(0, ownsHandle: true)
    {
        Library = library;
        if (parent is not null)
        {
            bool added = false;
            parent.DangerousAddRef(ref added);
            _parent = parent;
        }
        SetHandle(value);
    }

    internal XrtLibrary Library { get; }

    public override bool IsInvalid => handle == 0;

    /// <summary>The raw handle for a call; throws once disposed.</summary>
    internal nint Value => IsClosed ? throw new ObjectDisposedException(GetType().Name) : handle;

    protected sealed override bool ReleaseHandle()
    {
        bool released = Release(handle) == 0;
        _parent?.DangerousRelease();
        return released;
    }

    private protected abstract int Release(nint value);
}

internal sealed class DeviceHandle(XrtLibrary library, nint value) : XrtHandle(library, value, null)
{
    private protected override int Release(nint value) => Library.DeviceClose(value);
}

internal sealed class XclbinHandle(XrtLibrary library, nint value) : XrtHandle(library, value, null)
{
    private protected override int Release(nint value) => Library.XclbinFree(value);
}

internal sealed class KernelHandle(XrtLibrary library, nint value, DeviceHandle device) : XrtHandle(library, value, device)
{
    private protected override int Release(nint value) => Library.KernelClose(value);
}

internal sealed class RunHandle(XrtLibrary library, nint value, KernelHandle kernel) : XrtHandle(library, value, kernel)
{
    private protected override int Release(nint value) => Library.RunClose(value);
}

internal sealed class BufferHandle(XrtLibrary library, nint value, DeviceHandle device) : XrtHandle(library, value, device)
{
    private protected override int Release(nint value) => Library.BufferFree(value);
}
