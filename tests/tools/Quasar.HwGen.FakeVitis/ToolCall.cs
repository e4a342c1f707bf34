namespace Quasar.HwGen.FakeVitis;

/// <summary>One invocation of a fake tool: which tool, its arguments and its working directory.</summary>
internal sealed record ToolCall(string Tool, string[] Arguments, string WorkingDirectory)
{
    /// <summary>Appends "tool, cwd, arguments" (tab-separated, one call per line) to the call log the test reads.</summary>
    public void Record(string? callLog)
    {
        if (callLog is null) return;
        var line = System.Text.Encoding.UTF8.GetBytes(string.Join('\t', [Tool, WorkingDirectory, .. Arguments]) + "\n");
        // Several fakes run at once in a sweep (make -j, a Slurm array): a plain append from each can overwrite another's
        // line, so each holds the file alone (FileShare.None locks it on Unix too) and waits its turn.
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                using var stream = new FileStream(callLog, FileMode.Append, FileAccess.Write, FileShare.None);
                stream.Write(line);
                return;
            }
            catch (IOException) when (attempt < 500)
            {
                Thread.Sleep(10);
            }
        }
    }

    /// <summary>The value after <paramref name="option"/>, required.</summary>
    public string Value(string option)
    {
        int at = Array.IndexOf(Arguments, option);
        return at >= 0 && at + 1 < Arguments.Length ? Arguments[at + 1] : throw new FakeUsageException($"{option} <value> is missing in: {string.Join(' ', Arguments)}");
    }

    /// <summary>Every value given after <paramref name="option"/> (an option that may repeat).</summary>
    public IEnumerable<string> Values(string option) =>
        Arguments.Select((a, i) => (a, i)).Where(p => p.a == option && p.i + 1 < Arguments.Length).Select(p => Arguments[p.i + 1]);

    public bool Has(string flag) => Arguments.Contains(flag);

    /// <summary>A path argument that must exist, as the real tool would check, relative to the working directory.</summary>
    public string ExistingFile(string path, string what) =>
        File.Exists(Path.Combine(WorkingDirectory, path)) ? Path.Combine(WorkingDirectory, path) : throw new FakeUsageException($"{what} {path} does not exist");
}
