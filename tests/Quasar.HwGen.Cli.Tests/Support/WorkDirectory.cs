namespace Quasar.HwGen.Cli.Tests.Support;

/// <summary>A fresh directory under the system temp folder (with a space in its name, as users' paths have), deleted on dispose.</summary>
internal sealed class WorkDirectory : IDisposable
{
    public WorkDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "quasar cli-tests " + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> here and returns its full path.</summary>
    public string Write(string name, string text)
    {
        var path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Every file below this directory with its contents' hash, to show what a run wrote or removed.</summary>
    public IReadOnlyDictionary<string, string> Snapshot() => Snapshots.Of(Path);

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
