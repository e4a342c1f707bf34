using System.Buffers.Binary;
using Quasar.Runtime.Xrt.Native;

namespace Quasar.Runtime.Xrt;

/// <summary>One run object of a kernel: arguments set by index (buffers by device address, scalars by value), started, waited for.</summary>
public sealed class XrtRun : IDisposable
{
    private readonly RunHandle _handle;
    private readonly string _kernel;

    private XrtRun(RunHandle handle, string kernel)
    {
        _handle = handle;
        _kernel = kernel;
    }

    public static XrtRun Open(XrtKernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var library = kernel.Handle.Library;
        return new XrtRun(new RunHandle(library, library.RunOpen(kernel.Handle.Value), kernel.Handle), kernel.Name);
    }

    /// <summary>Sets a buffer argument: the buffer's 8-byte device address.</summary>
    public void SetArgument(int index, XrtBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        Span<byte> address = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(address, buffer.Address);
        _handle.Library.RunSetArg(_handle.Value, index, address);
    }

    /// <summary>Sets a 32-bit scalar argument.</summary>
    public void SetArgument(int index, int value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        _handle.Library.RunSetArg(_handle.Value, index, bytes);
    }

    /// <summary>A 32-bit scalar argument as the last run left it (an output scalar such as a status).</summary>
    public int GetInt32Argument(int index)
    {
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        _handle.Library.RunGetArg(_handle.Value, index, bytes);
        return BinaryPrimitives.ReadInt32LittleEndian(bytes);
    }

    /// <summary>Starts the run and waits for it; a run that does not complete throws, naming its state.</summary>
    public void Execute(TimeSpan timeout)
    {
        var library = _handle.Library;
        library.RunStart(_handle.Value);
        uint milliseconds = (uint)Math.Clamp(timeout.TotalMilliseconds, 1, uint.MaxValue);
        var state = library.RunWait(_handle.Value, milliseconds);
        if (state != RunState.Completed)
        {
            string detail = library.LastErrorDetail() is { } message ? $": {message}" : "";
            throw new XrtException($"the run of kernel '{_kernel}' ended in state {state} (ERT_CMD_STATE_{state.ToString().ToUpperInvariant()}) " +
                $"within {milliseconds} ms{detail}");
        }
    }

    public void Dispose() => _handle.Dispose();
}
