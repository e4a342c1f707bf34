using System.Runtime.InteropServices;

namespace Quasar.HwGen.Training.Native;

/// <summary>
/// Flush-to-zero and denormals-are-zero for SSE arithmetic (PyTorch's <c>torch.set_flush_denormal(True)</c>, which
/// TorchSharp lacks). As attention sharpens during training, softmax produces denormal probabilities and every op
/// that touches them runs many times slower on x86 (the supernet slowed from ~400 to ~80 images/s within 300 steps).
/// MXCSR is per thread and threads inherit it when created, so this must run before libtorch starts its worker
/// threads: <see cref="SupernetTrainer"/> calls it first thing. Denormals are far below anything a 6-bit or 8-bit
/// quantizer represents, so flushing them does not change what the model computes in any way that matters.
/// </summary>
public static class FloatingPointEnvironment
{
    private const uint FlushToZero = 0x8000;
    private const uint DenormalsAreZero = 0x0040;

    /// <summary>Sets FTZ and DAZ on the calling thread; false where unsupported (not Linux x64 with glibc).</summary>
    public static bool FlushDenormalsToZero()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64) return false;
        try
        {
            var environment = new byte[NativeMethods.FenvSize];
            if (NativeMethods.FeGetEnv(environment) != 0) return false;
            uint mxcsr = BitConverter.ToUInt32(environment, NativeMethods.MxcsrOffset) | FlushToZero | DenormalsAreZero;
            BitConverter.GetBytes(mxcsr).CopyTo(environment, NativeMethods.MxcsrOffset);
            return NativeMethods.FeSetEnv(environment) == 0 && DenormalsFlushed();
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Whether the calling thread currently flushes denormals (MXCSR FTZ and DAZ set).</summary>
    public static bool DenormalsFlushed()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64) return false;
        var environment = new byte[NativeMethods.FenvSize];
        if (NativeMethods.FeGetEnv(environment) != 0) return false;
        uint mxcsr = BitConverter.ToUInt32(environment, NativeMethods.MxcsrOffset);
        return (mxcsr & (FlushToZero | DenormalsAreZero)) == (FlushToZero | DenormalsAreZero);
    }
}
