namespace Quasar.HwGen.Vitis.SoftwareEmulation;

/// <summary>The CPU the sw-emu device is built for: this machine, or the board's (cross-compiled, run under qemu-user here).</summary>
public enum SoftwareDeviceTarget
{
    Native,

    /// <summary>aarch64-linux-gnu-g++ (Debian's g++-aarch64-linux-gnu), as on the ZCU102's Cortex-A53.</summary>
    Arm64,
}

/// <summary>The compilers and the cmake toolchain of each <see cref="SoftwareDeviceTarget"/>.</summary>
public static class SoftwareDeviceTargets
{
    public const string Arm64Compiler = "aarch64-linux-gnu-g++";

    /// <summary>The C++ compiler of the kernel library for <paramref name="target"/>.</summary>
    public static string Compiler(SoftwareDeviceTarget target) => target == SoftwareDeviceTarget.Arm64 ? Arm64Compiler : Tools.ToolNames.Gxx;

    /// <summary>The toolchain file of host-runtime/native/xrt-swemu for <paramref name="target"/>, or null for the native build.</summary>
    public static string? ToolchainFile(SoftwareDeviceTarget target) => target == SoftwareDeviceTarget.Arm64 ? "aarch64-toolchain.cmake" : null;
}
