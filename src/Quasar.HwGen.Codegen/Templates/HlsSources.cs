using System.Reflection;
using Quasar.HwGen.Core;
using Quasar.HwGen.Core.IO;

namespace Quasar.HwGen.Codegen.Templates;

/// <summary>
/// The contents of an <c>hls-templates/</c> folder: the Scriban templates under <c>templates/</c> (by path relative to
/// it, '/'-separated) and the static engine headers of <c>include/quasar/</c> (by file name).
/// </summary>
/// <param name="Description">Where they came from, for reports and the project manifest.</param>
public sealed record HlsSources(string Description, IReadOnlyDictionary<string, string> Templates, IReadOnlyDictionary<string, byte[]> Headers)
{
    public const string FolderName = "hls-templates";
    public const string TemplatesFolder = "templates";
    public const string TemplateExtension = ".sbn";
    public const string HeadersFolder = "include/quasar";

    private const string ResourcePrefix = "Quasar.HwGen.Codegen." + FolderName + "/";

    /// <summary>
    /// <paramref name="explicitDirectory"/> when given; else an <c>hls-templates/</c> folder among the shipped files
    /// (<see cref="ShippedFiles"/>: the repository's, for a test run from its bin folder) when there is one; else the
    /// copy embedded in this assembly at build time (the installed tool's).
    /// </summary>
    public static HlsSources Locate(string? explicitDirectory = null)
    {
        if (explicitDirectory is not null) return FromDirectory(explicitDirectory);
        string? root;
        try
        {
            root = ShippedFiles.Root;
        }
        catch (DirectoryNotFoundException)
        {
            root = null;
        }
        var candidate = root is null ? null : Path.Combine(root, FolderName);
        return candidate is not null && Directory.Exists(Path.Combine(candidate, TemplatesFolder)) ? FromDirectory(candidate) : Embedded();
    }

    /// <summary>A template or header (--hls-templates may name any folder; the shipped files are under 25 KiB).</summary>
    private const long SourceCap = 4L << 20;

    /// <summary>Reads an <c>hls-templates/</c> folder.</summary>
    public static HlsSources FromDirectory(string directory)
    {
        var root = Path.GetFullPath(directory);
        var templatesRoot = Path.Combine(root, TemplatesFolder);
        if (!Directory.Exists(templatesRoot))
            throw new DirectoryNotFoundException($"{root} is not an hls-templates folder: it has no {TemplatesFolder}/ directory");
        var templates = Directory.EnumerateFiles(templatesRoot, "*" + TemplateExtension, SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(templatesRoot, path).Replace('\\', '/'), path => BoundedFile.ReadAllText(path, SourceCap), StringComparer.Ordinal);
        var headersRoot = Path.Combine(root, HeadersFolder);
        var headers = Directory.Exists(headersRoot)
            ? Directory.EnumerateFiles(headersRoot, "*.h").ToDictionary(path => Path.GetFileName(path), path => BoundedFile.ReadAllBytes(path, SourceCap), StringComparer.Ordinal)
            : new Dictionary<string, byte[]>(StringComparer.Ordinal);
        return new HlsSources(root, templates, headers);
    }

    /// <summary>The copy embedded in this assembly when it was built.</summary>
    public static HlsSources Embedded()
    {
        var assembly = typeof(HlsSources).Assembly;
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        var headers = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        string templatePrefix = ResourcePrefix + TemplatesFolder + "/", headerPrefix = ResourcePrefix + HeadersFolder + "/";
        foreach (var name in assembly.GetManifestResourceNames())
        {
            var normalized = name.Replace('\\', '/');
            if (normalized.StartsWith(templatePrefix, StringComparison.Ordinal))
                templates[normalized[templatePrefix.Length..]] = System.Text.Encoding.UTF8.GetString(Read(assembly, name));
            else if (normalized.StartsWith(headerPrefix, StringComparison.Ordinal))
                headers[normalized[headerPrefix.Length..]] = Read(assembly, name);
        }
        return new HlsSources($"embedded in {assembly.GetName().Name}", templates, headers);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"resource {name} vanished");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
