using System.Security.Cryptography;
using Quasar.HwGen.Core.IO;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Package;

namespace Quasar.HwGen.Codegen.Project;

/// <summary>A verified IR package and the SHA-256 of its manifest.json (which pins graph.json and weights.bin): what a project is generated from.</summary>
public sealed record LoadedPackage(string Directory, IrGraph Graph, string Sha256)
{
    public static LoadedPackage Read(string directory)
    {
        var root = Path.GetFullPath(directory);
        var graph = IrPackage.Read(root);
        var hash = Convert.ToHexStringLower(SHA256.HashData(BoundedFile.ReadAllBytes(Path.Combine(root, IrPackage.ManifestFile), BoundedFile.ManifestCap)));
        return new LoadedPackage(root, graph, hash);
    }
}
