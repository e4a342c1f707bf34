namespace Quasar.HwGen.Cli.Tests.Support;

/// <summary>A fresh copy of a directory tree, replacing whatever was at the target: each property case starts from the valid original.</summary>
internal static class DirectoryCopy
{
    public static void Replace(string from, string to)
    {
        if (Directory.Exists(to)) Directory.Delete(to, recursive: true);
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
