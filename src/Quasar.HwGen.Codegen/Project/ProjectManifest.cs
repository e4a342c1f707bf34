using System.Text.Json;
using Quasar.HwGen.Codegen.Templates;
using Quasar.HwGen.Core.IO;

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
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    /// <summary>
    /// The manifest at <paramref name="path"/>, checked against its schema: every field present and of its type, and
    /// each file entry a relative path inside the project listed once. Regeneration deletes files listed here, so an
    /// entry like <c>../../x</c> must never get that far. A defect is an <see cref="InvalidDataException"/> naming the file and field.
    /// </summary>
    public static ProjectManifest Read(string path)
    {
        ProjectManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ProjectManifest>(BoundedFile.ReadAllBytes(path, BoundedFile.ManifestCap), Options);
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"is not a valid {FormatName} manifest ({e.Message})", e);
        }
        if (manifest is null || manifest.Format != FormatName) throw Invalid(path, $"is not a {FormatName} manifest (field format)");
        if (manifest.Version != CurrentVersion) throw Invalid(path, $"has format version {manifest.Version}, this tool reads {CurrentVersion}");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < manifest.Files.Count; i++)
        {
            var entry = manifest.Files[i] ?? throw Invalid(path, $"files[{i}] is null; each entry needs path, bytes and sha256");
            // A control character (NUL above all) is no file name: the file system APIs would throw on it later.
            if (ConfinedTemplateLoader.Normalize(entry.Path) != entry.Path || entry.Path == FileName || entry.Path.Any(char.IsControl))
                throw Invalid(path, $"files[{i}].path '{Printable(entry.Path)}' is not a plain relative path inside the project (absolute, '..', a control character, or the manifest itself)");
            if (!seen.Add(entry.Path)) throw Invalid(path, $"files[{i}].path lists '{entry.Path}' a second time");
            if (entry.Bytes < 0) throw Invalid(path, $"files[{i}].bytes is {entry.Bytes}, a negative size");
            if (entry.Sha256.Length != 64 || !entry.Sha256.All(Uri.IsHexDigit))
                throw Invalid(path, $"files[{i}].sha256 '{entry.Sha256}' is not 64 hexadecimal digits");
        }
        return manifest;
    }

    private static string Printable(string text) => string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    private static InvalidDataException Invalid(string path, string problem, Exception? inner = null) =>
        new($"{path}: {problem}; delete it, or regenerate with --force", inner);
}
