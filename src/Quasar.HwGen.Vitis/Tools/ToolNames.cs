namespace Quasar.HwGen.Vitis.Tools;

/// <summary>Executable names of the tools the driver looks for.</summary>
public static class ToolNames
{
    public const string Gxx = "g++";
    public const string Objdump = "objdump";
    public const string Cxxfilt = "c++filt";
    public const string VitisHls = "vitis_hls";
    public const string VitisRun = "vitis-run";
    public const string Vpp = "v++";
    public const string Xclbinutil = "xclbinutil";

    /// <summary>How a user gets <paramref name="tool"/> onto the search path.</summary>
    public static string Fix(string tool) => tool switch
    {
        Gxx => "install it (`apt install g++`) or put it on PATH",
        Objdump or Cxxfilt => "install binutils (`apt install binutils`)",
        VitisHls => "source <Vitis>/settings64.sh (Vitis 2024.2 or older; 2025.1 has only vitis-run) or set XILINX_HLS",
        VitisRun or Vpp or Xclbinutil => "source <Vitis>/settings64.sh (sets PATH and XILINX_VITIS)",
        _ => "put it on PATH",
    };
}
