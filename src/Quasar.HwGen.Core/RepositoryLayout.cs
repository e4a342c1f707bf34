namespace Quasar.HwGen.Core;

/// <summary>Finds the repository's shipped files (samples/, hls-templates/) from wherever a tool runs.</summary>
public static class RepositoryLayout
{
    private const string Marker = "Quasar.HwGen.sln";

    /// <summary>The repository root: QUASAR_HOME when set, else the nearest ancestor of the working or base directory holding the solution.</summary>
    public static string Root
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("QUASAR_HOME");
            if (!string.IsNullOrEmpty(configured)) return configured;
            return FindUpwards(Directory.GetCurrentDirectory()) ?? FindUpwards(AppContext.BaseDirectory)
                ?? throw new DirectoryNotFoundException(
                    $"cannot find the Quasar.HwGen repository ({Marker}) above '{Directory.GetCurrentDirectory()}' or '{AppContext.BaseDirectory}'; set QUASAR_HOME to the repository root");
        }
    }

    public static string Samples => Path.Combine(Root, "samples");

    private static string? FindUpwards(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, Marker))) return directory.FullName;
        }
        return null;
    }
}
