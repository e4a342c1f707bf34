using System.Text.Json;

namespace Quasar.HwGen.Core.Ir.Package;

/// <summary>
/// An IR package on disk: a directory holding graph.json, weights.bin and manifest.json (sizes and SHA-256 of both).
/// Written atomically (built beside the target, then renamed); read only after every checksum and the verifier pass.
/// </summary>
public static class IrPackage
{
    public const string GraphFile = "graph.json";
    public const string WeightsFile = "weights.bin";
    public const string ManifestFile = ChecksummedPackage.ManifestFile;

    /// <summary>Writes <paramref name="graph"/> to <paramref name="directory"/>; refuses an invalid graph, and an existing
    /// directory unless <paramref name="overwrite"/>.</summary>
    public static void Write(string directory, IrGraph graph, bool overwrite = false)
    {
        IrVerifier.ThrowIfInvalid(graph, $"building the package {directory}");
        var store = new BlobStore();
        var graphBytes = JsonSerializer.SerializeToUtf8Bytes(graph, IrJson.Options(store));
        ChecksummedPackage.Write(directory, PackageFormat.Ir, [(GraphFile, graphBytes), (WeightsFile, store.ToArray())], overwrite);
    }

    /// <summary>Reads and verifies a package; every defect is an <see cref="IrPackageException"/> naming the file.</summary>
    public static IrGraph Read(string directory)
    {
        var root = Path.GetFullPath(directory);
        var contents = ChecksummedPackage.Read(root, PackageFormat.Ir, GraphFile, WeightsFile);
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
}
