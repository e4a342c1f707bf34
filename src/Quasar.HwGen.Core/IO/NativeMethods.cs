using System.Runtime.InteropServices;

namespace Quasar.HwGen.Core.IO;

/// <summary>libc's statx: .NET has no public API for a file's type, and opening a FIFO to find out blocks forever.</summary>
internal static partial class NativeMethods
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int StatxSize = 256; // struct statx, the same on every architecture
    private const int ModeOffset = 28; // stx_mode, a u16
    private const int Enoent = 2;
    private const int Enotdir = 20;

    /// <summary>The kind of <paramref name="path"/> after following symlinks; <see cref="FileKind.Unknown"/> off Linux.</summary>
    public static FileKind KindOf(string path)
    {
        if (!OperatingSystem.IsLinux()) return FileKind.Unknown;
        var buffer = new byte[StatxSize];
        int result;
        try
        {
            result = Statx(AtFdCwd, path, 0, StatxType, buffer);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return FileKind.Unknown; // a libc without statx (glibc < 2.28): fall back to the size bounds alone
        }
        if (result != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            return errno is Enoent or Enotdir ? FileKind.Missing : FileKind.Unknown;
        }
        int mode = MemoryMarshal.Read<ushort>(buffer.AsSpan(ModeOffset)) & 0xF000; // native byte order
        return mode switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Unknown,
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directoryFd, string path, int flags, uint mask, [Out] byte[] buffer);
}
