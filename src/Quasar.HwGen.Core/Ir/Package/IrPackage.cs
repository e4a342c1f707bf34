using System.Security.Cryptography;
using System.Text.Json;
using Quasar.HwGen.Core.IO;

namespace Quasar.HwGen.Core.Ir.Package;

/// <summary>
/// An IR package on disk: a directory holding graph.json, weights.bin and manifest.json (sizes and SHA-256 of both).
/// Written atomically (built beside the target, then renamed); read only after every checksum and the verifier pass.
/// </summary>
public static class IrPackage
{
    public const string GraphFile = "graph.json";
    public const string WeightsFile = "weights.bin";
    public const string ManifestFile = "manifest.json";

    /// <summary>Writes <paramref name="graph"/> to <paramref name="directory"/>; refuses an invalid graph, and an existing
    /// directory unless <paramref name="overwrite"/>.</summary>
    public static void Write(string directory, IrGraph graph, bool overwrite = false)
    {
        IrVerifier.ThrowIfInvalid(graph, $"building the package {directory}");
        var target = Path.GetFullPath(directory);
        if (Directory.Exists(target) && !overwrite)
            throw new IOException($"{target} already exists; choose another output path or allow overwriting (--force)");
        if (File.Exists(target)) throw new IOException($"{target} is a file, not an IR package directory");
        if (Directory.Exists(target)) IrPackageTarget.RequireReplaceable(target);

        var store = new BlobStore();
        var graphBytes = JsonSerializer.SerializeToUtf8Bytes(graph, IrJson.Options(store));
        var weightBytes = store.ToArray();
        var manifest = new IrManifest(IrManifest.FormatName, IrManifest.CurrentVersion,
            [Entry(GraphFile, graphBytes), Entry(WeightsFile, weightBytes)]);

        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(staging);
        try
        {
            File.WriteAllBytes(Path.Combine(staging, GraphFile), graphBytes);
            File.WriteAllBytes(Path.Combine(staging, WeightsFile), weightBytes);
            File.WriteAllBytes(Path.Combine(staging, ManifestFile), JsonSerializer.SerializeToUtf8Bytes(manifest, IrManifestFile.Options));
            Replace(staging, target);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Reads and verifies a package; every defect is an <see cref="IrPackageException"/> naming the file.</summary>
    public static IrGraph Read(string directory)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root)) throw new IrPackageException(root, "IR package directory not found");
        var manifest = ReadManifest(root);
        var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in manifest.Files) contents[entry.Name] = ReadChecked(root, entry);
        foreach (var required in new[] { GraphFile, WeightsFile })
        {
            if (!contents.ContainsKey(required)) throw new IrPackageException(root, $"{ManifestFile} does not list {required}");
        }

        IrGraph? graph;
        try
        {
            graph = JsonSerializer.Deserialize<IrGraph>(contents[GraphFile], IrJson.Options(new BlobStore(contents[WeightsFile])));
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException)
        {
            throw new IrPackageException(Path.Combine(root, GraphFile), $"not a valid IR graph: {e.Message}", e);
        }
        if (graph is null) throw new IrPackageException(Path.Combine(root, GraphFile), "graph is null");
        return IrVerifier.ThrowIfInvalid(graph, $"reading {root}");
    }

    private static IrManifest ReadManifest(string root)
    {
        var path = Path.Combine(root, ManifestFile);
        if (!File.Exists(path)) throw new IrPackageException(root, $"{ManifestFile} is missing: this is not an IR package (write one with `quasar lower`)");
        return IrManifestFile.Read(path);
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
