namespace Quasar.HwGen.Core.Ir.Package;

/// <summary>
/// What overwriting may replace: an empty directory, or one that holds an IR package and nothing else (a parsable
/// quasar-ir manifest, plus only regular files that manifest lists). Anything else may be the user's files.
/// </summary>
internal static class IrPackageTarget
{
    private const int NamesShown = 3;

    public static void RequireReplaceable(string directory, PackageFormat format)
    {
        var entries = Directory.GetFileSystemEntries(directory);
        if (entries.Length == 0) return;
        var manifestPath = Path.Combine(directory, IrPackage.ManifestFile);
        if (!File.Exists(manifestPath)) throw Refuse(directory, $"it holds {Names(entries)} and no {IrPackage.ManifestFile}", format);

        IrManifest manifest;
        try
        {
            manifest = IrManifestFile.Read(manifestPath, anyVersion: true, format);
        }
        catch (IOException e)
        {
            throw Refuse(directory, $"its {IrPackage.ManifestFile} is not {format.Noun} manifest ({e.Message})", format);
        }
        var listed = manifest.Files.Select(f => f.Name).Append(IrPackage.ManifestFile).ToHashSet(StringComparer.Ordinal);
        var foreign = entries.Where(e => !listed.Contains(Path.GetFileName(e)) || !File.Exists(e) || IsLink(e)).ToList();
        if (foreign.Count > 0) throw Refuse(directory, $"it also holds {Names(foreign)}, which the package does not list", format);
    }

    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    private static string Names(IReadOnlyList<string> paths) =>
        string.Join(", ", paths.Select(Path.GetFileName).Order(StringComparer.Ordinal).Take(NamesShown).Select(n => $"'{n}'")) + (paths.Count > NamesShown ? $" and {paths.Count - NamesShown} more" : "");

    private static IOException Refuse(string directory, string why, PackageFormat format) =>
        new($"{directory}: --force replaces only {format.Noun} or an empty directory, but {why}; choose an empty or new directory for the package");
}
