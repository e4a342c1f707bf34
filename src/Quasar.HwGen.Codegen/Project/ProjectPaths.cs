using Quasar.HwGen.Codegen.Engine;

namespace Quasar.HwGen.Codegen.Project;

/// <summary>
/// Keeps every write and delete of a regeneration inside the project: a relative path is refused when one of its
/// directories is a symbolic link leading outside the project (a file that is itself a link is harmless: renaming
/// over it or deleting it touches the link, not its target).
/// </summary>
internal static class ProjectPaths
{
    /// <summary>The link through which <paramref name="relative"/> leaves <paramref name="root"/>, or null when it stays inside.</summary>
    public static string? EscapingLink(string root, string relative)
    {
        var inside = Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar;
        var current = root;
        var parts = relative.Split('/');
        for (int i = 0; i < parts.Length - 1; i++)
        {
            current = Path.Combine(current, parts[i]);
            var directory = new DirectoryInfo(current);
            if (directory.LinkTarget is null)
            {
                if (!directory.Exists) return null; // nothing below exists yet; it is created inside
                continue;
            }
            var target = directory.ResolveLinkTarget(returnFinalTarget: true);
            var resolved = target is null ? null : Path.GetFullPath(target.FullName);
            if (resolved is null || !(resolved + Path.DirectorySeparatorChar).StartsWith(inside, StringComparison.Ordinal))
                return $"{Path.GetRelativePath(root, current)} -> {directory.LinkTarget}";
        }
        return null;
    }

    /// <summary>Refuses a path that leaves the project; <paramref name="what"/> says where it came from.</summary>
    public static void RequireInside(string root, string relative, string what)
    {
        var link = EscapingLink(root, relative);
        if (link is not null)
            throw new CodegenException($"{what} '{relative}' leads outside the project {root} through the symbolic link {link}; remove the link or generate into a new directory");
    }
}
