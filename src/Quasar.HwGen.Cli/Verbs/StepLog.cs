namespace Quasar.HwGen.Cli.Verbs;

/// <summary>
/// The log of a long tool step: every line streamed to stderr (indented, as progress) and to
/// <c>&lt;project&gt;/logs/&lt;verb&gt;.log</c>, which stays after the run for the engineer to read.
/// </summary>
internal sealed class StepLog : IDisposable
{
    private readonly StreamWriter _file;

    private StepLog(string path)
    {
        Path = path;
        _file = new StreamWriter(path, append: false) { AutoFlush = true };
        Progress = new ConsoleProgress<string>(line =>
        {
            _file.WriteLine(line);
            Console.Error.WriteLine("  " + line);
        });
    }

    public string Path { get; }

    public IProgress<string> Progress { get; }

    public static StepLog Open(string projectRoot, string verb)
    {
        var path = System.IO.Path.Combine(projectRoot, "logs", $"{verb}.log");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        return new StepLog(path);
    }

    public void Dispose() => _file.Dispose();
}
