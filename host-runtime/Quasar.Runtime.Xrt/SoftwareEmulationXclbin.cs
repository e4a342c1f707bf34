using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Quasar.HwGen.Core.Execution.Kernel;

namespace Quasar.Runtime.Xrt;

/// <summary>
/// The xclbin of the sw-emu device (host-runtime/native/xrt-swemu/README.md): it names the g++-built kernel library
/// and records the engine the project was generated for (what <see cref="XrtAccelerator"/> lays words out for and checks
/// a model against).
/// </summary>
public static class SoftwareEmulationXclbin
{
    public const string Abi = "quasar_gemm/v2";

    /// <summary>The xclbin's file name in a device folder (`quasar sw-emu` writes <c>&lt;project&gt;/sw_emu/&lt;rid&gt;/</c>).</summary>
    public const string FileName = "quasar_gemm.sw_emu.xclbin";

    /// <summary>The sw-emu XRT library's file name (host-runtime/native/xrt-swemu), next to the xclbin in a device folder.</summary>
    public const string DeviceLibraryName = "libquasar_xrt_swemu.so";

    /// <summary>
    /// Writes <paramref name="path"/> for <paramref name="kernelLibrary"/> (atomically; a library in the xclbin's
    /// folder is named relative to it); <paramref name="moreEngine"/>
    /// adds informational engine keys. The UUID is a hash of the library and the metadata, so a rebuild of the same
    /// kernel keeps it.
    /// </summary>
    public static XclbinFile Write(string path, string kernelLibrary, KernelGeometry geometry, GemmLimits limits,
        IReadOnlyDictionary<string, string>? moreEngine = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(kernelLibrary);
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(limits);
        var c = CultureInfo.InvariantCulture;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["kernel"] = XrtAccelerator.KernelName,
            ["abi"] = Abi,
            ["library"] = LibraryReference(path, kernelLibrary),
            ["engine.tile_tokens"] = geometry.TileTokens.ToString(c),
            ["engine.tile_rows"] = geometry.TileRows.ToString(c),
            ["engine.tile_reduction"] = geometry.TileReduction.ToString(c),
            ["engine.max_reduction"] = limits.MaxReduction.ToString(c),
            ["engine.max_rows"] = limits.MaxRows.ToString(c),
        };
        foreach (var (key, value) in moreEngine ?? new Dictionary<string, string>()) metadata.TryAdd("engine." + key, value);
        XclbinFile.WriteSoftwareEmulation(path, Uuid(kernelLibrary, metadata), metadata);
        return XclbinFile.Read(path);
    }

    /// <summary>A library in the xclbin's folder by its name, so that the folder can move (to a board, say); else its full path.</summary>
    private static string LibraryReference(string xclbinPath, string kernelLibrary)
    {
        var library = Path.GetFullPath(kernelLibrary);
        return Path.GetDirectoryName(library) == Path.GetDirectoryName(Path.GetFullPath(xclbinPath)) ? Path.GetFileName(library) : library;
    }

    private static Guid Uuid(string kernelLibrary, IReadOnlyDictionary<string, string> metadata)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(File.ReadAllBytes(kernelLibrary));
        foreach (var (key, value) in metadata.OrderBy(p => p.Key, StringComparer.Ordinal)) hash.AppendData(Encoding.UTF8.GetBytes($"{key}={value}\n"));
        return new Guid(hash.GetHashAndReset().AsSpan(0, 16));
    }
}
