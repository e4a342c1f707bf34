using System.Security.Cryptography;
using System.Text.Json;
using Quasar.HwGen.Core.IO;

namespace Quasar.HwGen.Core.Ir.Package;

/// <summary>
/// A package directory of files plus manifest.json (format, version, size and SHA-256 of each file): written
/// atomically (built beside the target, then renamed), read only after every checksum. IR packages and subnet weights
/// exports are two formats of it.
/// </summary>
internal static class ChecksummedPackage
{
    public const string ManifestFile = "manifest.json";

    /// <summary>Writes <paramref name="files"/> to <paramref name="directory"/>; refuses an existing directory unless
    /// <paramref name="overwrite"/>, and then replaces only a package of the same format or an empty directory.</summary>
    public static void Write(string directory, PackageFormat format, IReadOnlyList<(string Name, byte[] Bytes)> files, bool overwrite)
    {
        var target = Path.GetFullPath(directory);
        if (Directory.Exists(target) && !overwrite)
            throw new IOException($"{target} already exists; choose another output path or allow overwriting (--force)");
        if (File.Exists(target)) throw new IOException($"{target} is a file, not {format.Noun} directory");
        if (Directory.Exists(target)) IrPackageTarget.RequireReplaceable(target, format);

        var manifest = new IrManifest(format.Name, format.Version, [.. files.Select(f => Entry(f.Name, f.Bytes))]);
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var (name, bytes) in files) File.WriteAllBytes(Path.Combine(staging, name), bytes);
            File.WriteAllBytes(Path.Combine(staging, ManifestFile), JsonSerializer.SerializeToUtf8Bytes(manifest, IrManifestFile.Options));
            Replace(staging, target);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>The files of the package at <paramref name="directory"/>, each checked against the manifest; every defect
    /// is an <see cref="IrPackageException"/> naming the file.</summary>
    public static IReadOnlyDictionary<string, byte[]> Read(string directory, PackageFormat format, params string[] required)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root)) throw new IrPackageException(root, $"{format.Kind} directory not found");
        var path = Path.Combine(root, ManifestFile);
        if (!File.Exists(path)) throw new IrPackageException(root, $"{ManifestFile} is missing: this is not {format.Noun} (write one with `{format.Writer}`)");
        var manifest = IrManifestFile.Read(path, anyVersion: false, format);
        var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in manifest.Files) contents[entry.Name] = ReadChecked(root, entry);
        foreach (var name in required)
        {
            if (!contents.ContainsKey(name)) throw new IrPackageException(root, $"{ManifestFile} does not list {name}");
        }
        return contents;
    }

    private static byte[] ReadChecked(string root, IrManifestEntry entry)
    {
        var path = Path.Combine(root, entry.Name);
        if (!File.Exists(path)) throw new IrPackageException(path, "listed in the manifest but missing");
        BoundedFile.RequireRegularFile(path);
        long length = new FileInfo(path).Length;
        if (length != entry.Bytes)
            throw new IrPackageException(path, $"is {length} bytes, the manifest says {entry.Bytes}: the file is truncated or was replaced; regenerate the package");
        var bytes = BoundedFile.ReadAllBytes(path, entry.Bytes);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(hash, entry.Sha256, StringComparison.OrdinalIgnoreCase))
            throw new IrPackageException(path, $"SHA-256 {hash} differs from the manifest's {entry.Sha256}: the file was modified after it was written; regenerate the package");
        return bytes;
    }

    private static IrManifestEntry Entry(string name, byte[] bytes) =>
        new(name, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));

    private static void Replace(string staging, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }
        // Two renames: at every instant either the old or the new package is complete on disk.
        var old = target + $".{Guid.NewGuid():N}.old";
        Directory.Move(target, old);
        Directory.Move(staging, target);
        Directory.Delete(old, recursive: true);
    }
}
