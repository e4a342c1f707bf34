using System.Runtime.InteropServices;

namespace Quasar.HwGen.Training.Native;

/// <summary>The C library's floating-point environment (glibc libm), for <see cref="FloatingPointEnvironment"/>.</summary>
internal static partial class NativeMethods
{
    private const string LibM = "libm.so.6";

    /// <summary>glibc's x86-64 <c>fenv_t</c> is 32 bytes; MXCSR is its last 4-byte field.</summary>
    internal const int FenvSize = 32;

    internal const int MxcsrOffset = 28;

    [LibraryImport(LibM, EntryPoint = "fegetenv")]
    internal static partial int FeGetEnv([Out] byte[] environment);

    [LibraryImport(LibM, EntryPoint = "fesetenv")]
    internal static partial int FeSetEnv(byte[] environment);
}
