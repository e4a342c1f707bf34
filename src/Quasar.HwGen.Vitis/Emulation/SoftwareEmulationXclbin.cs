using System.Globalization;
using System.Security.Cryptography;
using Quasar.HwGen.Hardware.Engine;
using Quasar.Runtime.Xrt;

namespace Quasar.HwGen.Vitis.Emulation;

/// <summary>
/// The xclbin of the sw-emu device (host-runtime/native/xrt-swemu/README.md): it names the g++-built kernel library
/// and records the engine the project was generated for, which the host checks a model against before it runs.
/// </summary>
public static class SoftwareEmulationXclbin
{
    public const string Abi = "quasar_gemm/v2";

    /// <summary>Writes <paramref name="path"/> for <paramref name="kernelLibrary"/>; the UUID is a hash of the library and the engine.</summary>
    public static XclbinFile Write(string path, string kernelLibrary, EngineConfig engine)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(kernelLibrary);
        ArgumentNullException.ThrowIfNull(engine);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["kernel"] = "quasar_gemm",
            ["abi"] = Abi,
            ["library"] = Path.GetFullPath(kernelLibrary),
        };
        foreach (var (key, value) in EngineMetadata(engine)) metadata["engine." + key] = value;
        XclbinFile.WriteSoftwareEmulation(path, Uuid(kernelLibrary, metadata), metadata);
        return XclbinFile.Read(path);
    }

    /// <summary>The engine as xclbin metadata: what the host's word layout and its fit check read.</summary>
    public static IEnumerable<(string Key, string Value)> EngineMetadata(EngineConfig engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var c = CultureInfo.InvariantCulture;
        yield return ("tile_tokens", engine.TileTokens.ToString(c));
        yield return ("tile_rows", engine.TileRows.ToString(c));
        yield return ("tile_reduction", engine.TileReduction.ToString(c));
        yield return ("max_reduction", engine.MaxReduction.ToString(c));
        yield return ("max_rows", engine.MaxRows.ToString(c));
        yield return ("dsp_units", engine.DspUnits.ToString(c));
        yield return ("lut_units", engine.LutUnits.ToString(c));
        yield return ("packing", engine.PackingFactor.ToString(c));
        yield return ("clock_mhz", engine.ClockMhz.ToString("R", c));
    }

    private static Guid Uuid(string kernelLibrary, IReadOnlyDictionary<string, string> metadata)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(File.ReadAllBytes(kernelLibrary));
        foreach (var (key, value) in metadata.OrderBy(p => p.Key, StringComparer.Ordinal)) hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{key}={value}\n"));
        return new Guid(hash.GetHashAndReset().AsSpan(0, 16));
    }
}
