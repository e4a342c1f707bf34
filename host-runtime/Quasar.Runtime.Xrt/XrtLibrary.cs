using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Quasar.Runtime.Xrt;

/// <summary>
/// XRT's C API (`../shared/spec/xrt-c-api.md`) in one loaded library: the board's <c>libxrt_coreutil.so.2</c>, or the
/// project's sw-emu library that exports the same functions. Calls go through function pointers resolved from the
/// library path, not <c>[LibraryImport]</c>: a <c>LibraryImport</c> binds each method to one library for the life of the
/// process, while a session here chooses its library by path (configuration), one process may hold the sw-emu and the
/// real library side by side, and a missing library is an ordinary, testable error. As <c>SetLastError</c> does, every
/// call reads errno right after it returns. Libraries stay loaded for the life of the process (XRT is never unloaded).
/// </summary>
public sealed unsafe partial class XrtLibrary
{
    /// <summary>The library the board's XRT installs; found through the loader's search path.</summary>
    public const string BoardLibrary = "libxrt_coreutil.so.2";

    private static readonly ConcurrentDictionary<string, Lazy<XrtLibrary>> Loaded = new(StringComparer.Ordinal);

    private readonly nint _library;

    private XrtLibrary(string path, nint library)
    {
        Path = path;
        _library = library;
        Resolve();
    }

    /// <summary>The path the library was loaded from (as given).</summary>
    public string Path { get; }

    /// <summary>True when the library is the project's sw-emu device (it exports the extra diagnostics).</summary>
    public bool IsSoftwareEmulation => _lastError is not null;

    /// <summary>The library at <paramref name="path"/>, loaded once per process.</summary>
    public static XrtLibrary Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            return Loaded.GetOrAdd(path, p => new Lazy<XrtLibrary>(() => Open(p))).Value;
        }
        catch (XrtException)
        {
            Loaded.TryRemove(path, out _); // a later call may find it, once installed
            throw;
        }
    }

    private static XrtLibrary Open(string path)
    {
        if (!NativeLibrary.TryLoad(path, out var library))
        {
            throw new XrtException(
                $"cannot load the XRT library '{path}': it is missing or not a library for this machine. On a board, install XRT " +
                $"({BoardLibrary}); without one, point the xrt library setting at the sw-emu library the build makes");
        }
        return new XrtLibrary(path, library);
    }

    /// <summary>The sw-emu library's message for the last failure on this thread, or null (real XRT logs instead).</summary>
    internal string? LastErrorDetail()
    {
        if (_lastError is null) return null;
        var message = Marshal.PtrToStringUTF8((nint)_lastError());
        return string.IsNullOrEmpty(message) ? null : message;
    }

    /// <summary>Handles the sw-emu library holds open (−1 for real XRT): the leak test's count.</summary>
    public int LiveHandles() => _liveHandles is null ? -1 : _liveHandles();
}
