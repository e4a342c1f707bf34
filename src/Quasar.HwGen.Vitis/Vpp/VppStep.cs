namespace Quasar.HwGen.Vitis.Vpp;

/// <summary>The v++ steps after the HLS flow: link the kernel object into an xclbin, package the SD card.</summary>
public enum VppStep
{
    Link,
    Package,
}
