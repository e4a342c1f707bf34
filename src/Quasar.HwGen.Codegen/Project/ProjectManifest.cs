using System.Text.Json;

namespace Quasar.HwGen.Codegen.Project;

/// <summary>
/// quasar-project.json: what generated the project (generator version, template source), from what (the IR package
/// and the SHA-256 of its manifest.json, which pins graph.json and weights.bin), for what (platform, engine), and
/// every file written with its SHA-256, which is how a regeneration tells an edited file from an untouched one.
/// </summary>
public sealed record ProjectManifest(
    string Format,
    int Version,
    string Generator,
    string Templates,
    string IrPackage,
    string IrPackageSha256,
    ManifestPlatform Platform,
    ManifestEngine Engine,
    int GoldenImages,
    int GoldenCalls,
    IReadOnlyList<ProjectFileEntry> Files)
{
    public const string FileName = "quasar-project.json";
    public const string FormatName = "quasar-hls-project";
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    /// <summary>The manifest at <paramref name="path"/>; an unreadable one is an <see cref="InvalidDataException"/> naming the file.</summary>
    public static ProjectManifest Read(string path)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<ProjectManifest>(File.ReadAllBytes(path), Options);
            if (manifest is null || manifest.Format != FormatName || manifest.Files is null)
                throw new InvalidDataException($"{path} is not a {FormatName} manifest");
            return manifest;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid JSON ({e.Message}); delete it, or regenerate with --force", e);
        }
    }
}
