using Quasar.Runtime.Emulation;
using Quasar.Runtime.Xrt;

namespace Quasar.Runtime.App;

/// <summary>Opens the accelerator a run names: the emulation, or an XRT library with an xclbin.</summary>
internal static class BackendFactory
{
    private const string SoftwareEmulationLibrary = SoftwareEmulationXclbin.DeviceLibraryName;

    public static IAccelerator Open(RunOptions options)
    {
        if (options.Backend == Backend.Emu) return new EmulatedAccelerator();
        var xclbin = options.Xclbin!;
        if (!File.Exists(xclbin))
        {
            throw new FileNotFoundException(options.Backend == Backend.SwEmu
                ? $"--xclbin {xclbin}: file not found; build the software device of the generated project with `quasar sw-emu <project>` and give its sw_emu/<rid>/quasar_gemm.sw_emu.xclbin"
                : $"--xclbin {xclbin}: file not found; give the xclbin built for this model's project (v++ link)", xclbin);
        }
        var record = XclbinFile.Read(xclbin); // a file that is no xclbin says so before any library is looked for
        var library = LibraryPath(options);
        var accelerator = XrtAccelerator.Open(library, record);
        bool software = accelerator.Name == "sw-emu";
        if (software != (options.Backend == Backend.SwEmu))
        {
            accelerator.Dispose();
            throw new UsageException(software
                ? $"--backend xrt: '{library}' is the sw-emu library, not XRT; use --backend sw-emu, or give --xrt-library {XrtLibrary.BoardLibrary}"
                : $"--backend sw-emu: '{library}' is XRT, not the sw-emu library; use --backend xrt, or give --xrt-library <the sw-emu library>");
        }
        return accelerator;
    }

    /// <summary>
    /// The XRT library: as given; for sw-emu by default the one next to the xclbin, else next to this application; for
    /// xrt by default the board's, found by the loader (XRT's setup puts it on the search path).
    /// </summary>
    private static string LibraryPath(RunOptions options)
    {
        if (options.XrtLibrary is { } given) return File.Exists(given) ? Path.GetFullPath(given) : given;
        if (options.Backend == Backend.Xrt) return XrtLibrary.BoardLibrary;
        string[] candidates =
        [
            Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.Xclbin!))!, SoftwareEmulationLibrary),
            Path.Combine(AppContext.BaseDirectory, SoftwareEmulationLibrary),
        ];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"--backend sw-emu: no {SoftwareEmulationLibrary} next to {options.Xclbin} or to quasar-run; " +
                "`quasar sw-emu <project>` builds it next to the xclbin, or give --xrt-library <path>");
    }
}
