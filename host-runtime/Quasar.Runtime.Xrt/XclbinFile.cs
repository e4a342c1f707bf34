using System.Text;

namespace Quasar.Runtime.Xrt;

/// <summary>
/// What the host reads from an xclbin without XRT: the UUID (bytes 416–431 of the axlf header, in every xclbin) and,
/// in the sw-emu device's xclbin (host-runtime/native/xrt-swemu/README.md), the <c>key=value</c> lines after byte 512:
/// the kernel library and the engine configuration the project was generated for.
/// </summary>
public sealed record XclbinFile(string Path, Guid Uuid, IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>The axlf magic at byte 0.</summary>
    public static ReadOnlySpan<byte> Magic => "xclbin2\0"u8;

    public const int UuidOffset = 416;

    /// <summary>Where the sw-emu metadata text starts.</summary>
    public const int MetadataOffset = 512;

    /// <summary>The <c>platform</c> value of the sw-emu device's xclbins.</summary>
    public const string SoftwareEmulationPlatform = "quasar-sw-emu";

    public bool IsSoftwareEmulation => Metadata.TryGetValue("platform", out var platform) && platform == SoftwareEmulationPlatform;

    /// <summary>The engine configuration recorded in the xclbin (<c>engine.*</c> keys, prefix removed); empty when none.</summary>
    public IReadOnlyDictionary<string, string> Engine => EngineKeys(Metadata);

    /// <summary>The engine record beside a v++-built xclbin: the same name with the extension <c>.engine</c>.</summary>
    public string EngineRecordPath => System.IO.Path.ChangeExtension(Path, ".engine");

    /// <summary>The <c>engine.*</c> lines (without the prefix) of an engine record; comment lines start with '#'.</summary>
    public static IReadOnlyDictionary<string, string> ReadEngineRecord(string path)
    {
        try
        {
            return EngineKeys(ParseMetadata(File.ReadAllBytes(path)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new XclbinException($"cannot read the engine record '{path}': {e.Message}", e);
        }
    }

    /// <summary>Reads <paramref name="path"/>; a missing file or one that is not an xclbin throws <see cref="XclbinException"/>.</summary>
    public static XclbinFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new XclbinException($"cannot read the xclbin '{path}': {e.Message}", e);
        }
        if (bytes.Length < MetadataOffset || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new XclbinException($"'{path}' is not an xclbin (no 'xclbin2' header): give the .xclbin that v++ --link wrote, or the sw-emu one");
        var uuid = new Guid(bytes.AsSpan(UuidOffset, 16), bigEndian: true);
        return new XclbinFile(path, uuid, ParseMetadata(bytes.AsSpan(MetadataOffset)));
    }

    /// <summary>Writes a sw-emu xclbin: the header with <paramref name="uuid"/>, then the metadata lines (atomically).</summary>
    public static void WriteSoftwareEmulation(string path, Guid uuid, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(metadata);
        var header = new byte[MetadataOffset];
        Magic.CopyTo(header);
        uuid.TryWriteBytes(header.AsSpan(UuidOffset, 16), bigEndian: true, out _);
        var text = new StringBuilder();
        foreach (var (key, value) in metadata.Prepend(new("platform", SoftwareEmulationPlatform)).DistinctBy(p => p.Key))
        {
            if (key.Contains('=', StringComparison.Ordinal) || key.Contains('\n', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal))
                throw new ArgumentException($"metadata '{key}' cannot be written as one key=value line", nameof(metadata));
            text.Append(key).Append('=').Append(value).Append('\n');
        }
        string temporary = path + ".tmp";
        using (var file = File.Create(temporary))
        {
            file.Write(header);
            file.Write(Encoding.UTF8.GetBytes(text.ToString()));
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static Dictionary<string, string> EngineKeys(IReadOnlyDictionary<string, string> metadata) =>
        metadata.Where(p => p.Key.StartsWith("engine.", StringComparison.Ordinal))
            .ToDictionary(p => p.Key["engine.".Length..], p => p.Value, StringComparer.Ordinal);

    private static Dictionary<string, string> ParseMetadata(ReadOnlySpan<byte> text)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        int end = text.IndexOf((byte)0);
        if (end >= 0) text = text[..end];
        // A real xclbin holds binary sections here: only lines that read as key=value count.
        foreach (var line in Encoding.UTF8.GetString(text).Split('\n'))
        {
            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && line.All(c => !char.IsControl(c))) metadata.TryAdd(line[..equals], line[(equals + 1)..]);
        }
        return metadata;
    }
}
