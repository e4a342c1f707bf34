using System.Security.Cryptography;

namespace Quasar.HwGen.Cli.Tests.Support;

/// <summary>Relative path → SHA-256 of every file below a directory: equal snapshots mean nothing was written or removed.</summary>
internal static class Snapshots
{
    public static IReadOnlyDictionary<string, string> Of(string root, string? except = null) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(file => except is null || !Path.GetFullPath(file).StartsWith(Path.GetFullPath(except) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToDictionary(file => Path.GetRelativePath(root, file), Hash, StringComparer.Ordinal);

    private static string Hash(string file)
    {
        if (new FileInfo(file).LinkTarget is not null) return "link";
        using var stream = File.OpenRead(file);
        return Convert.ToHexString(SHA256.HashData(stream));
    }
}
