using System.Text.Json;
using Quasar.HwGen.Core.IO;

namespace Quasar.HwGen.Core.Ir.Package;

/// <summary>
/// Reads and checks a package's manifest.json before any listed file is touched: first its format name and version (the
/// two fields every version keeps), then its schema: every field present and of its type, each entry a plain file name
/// of the package listed once, with a size and a SHA-256 that can be right.
/// </summary>
internal static class IrManifestFile
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The manifest at <paramref name="path"/>; every defect is an <see cref="IrPackageException"/> naming the file
    /// and the field. Unless <paramref name="anyVersion"/>, a format version other than <see cref="IrManifest.CurrentVersion"/>
    /// is refused before the rest of the manifest is read, so a newer manifest's schema changes cannot hide its version.</summary>
    public static IrManifest Read(string path, bool anyVersion = false, PackageFormat? format = null)
    {
        format ??= PackageFormat.Ir;
        var bytes = BoundedFile.ReadAllBytes(path, BoundedFile.ManifestCap);
        var header = Deserialize<Header>(path, bytes);
        if (header is null || header.Format != format.Name)
            throw new IrPackageException(path, $"not a {format.Name} manifest");
        if (!anyVersion && header.Version is int version) RequireCurrentVersion(path, version, format);
        var manifest = Deserialize<IrManifest>(path, bytes) ?? throw new IrPackageException(path, $"not a {format.Name} manifest");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < manifest.Files.Count; i++)
        {
            var entry = manifest.Files[i] ?? throw new IrPackageException(path, $"files[{i}] is null; each entry needs name, bytes and sha256");
            if (!IsPlainName(entry.Name))
                throw new IrPackageException(path, $"files[{i}].name names an unsafe file '{entry.Name}'; a package lists only plain file names inside it");
            if (!names.Add(entry.Name)) throw new IrPackageException(path, $"files[{i}].name lists '{entry.Name}' a second time");
            if (entry.Bytes is < 0 || entry.Bytes > Array.MaxLength)
                throw new IrPackageException(path, $"files[{i}].bytes is {entry.Bytes}; a package file holds 0 to {Array.MaxLength} bytes");
            if (entry.Sha256.Length != 64 || !entry.Sha256.All(Uri.IsHexDigit))
                throw new IrPackageException(path, $"files[{i}].sha256 '{entry.Sha256}' is not 64 hexadecimal digits");
        }
        return manifest;
    }

    private static void RequireCurrentVersion(string path, int version, PackageFormat format)
    {
        int current = format.Version;
        if (version > current)
            throw new IrPackageException(path, $"format version {version} is newer than version {current}, the one this quasar reads: the package was written by a newer quasar; update quasar, or run `{format.Writer}` again with this one");
        if (version < current)
            throw new IrPackageException(path, $"format version {version} is older than version {current}, the one this quasar reads: re-run `{format.Writer}` with this quasar to write the package again");
    }

    private static T? Deserialize<T>(string path, byte[] bytes)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, Options);
        }
        catch (JsonException e)
        {
            throw new IrPackageException(path, $"malformed manifest: {e.Message}", e);
        }
    }

    /// <summary>The fields every format version keeps, read first; the full schema (a missing version too) is checked after.</summary>
    private sealed record Header(string? Format = null, int? Version = null);

    /// <summary>A file directly in the package directory: no separator, no dot file (so no '..'), nothing rooted.</summary>
    public static bool IsPlainName(string name) =>
        name.Length > 0 && !name.StartsWith('.') && name.IndexOfAny(['/', '\\', ':', '\0']) < 0 && !Path.IsPathRooted(name);
}
