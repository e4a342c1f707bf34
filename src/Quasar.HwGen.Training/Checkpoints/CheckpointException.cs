namespace Quasar.HwGen.Training.Checkpoints;

/// <summary>A checkpoint that cannot be used: names the file and the problem.</summary>
public sealed class CheckpointException : Exception
{
    public CheckpointException(string path, string problem, Exception? inner = null)
        : base($"checkpoint {path}: {problem}", inner)
    {
        Path = path;
        Problem = problem;
    }

    public CheckpointException()
    {
        Path = Problem = string.Empty;
    }

    public CheckpointException(string message) : base(message)
    {
        Path = Problem = string.Empty;
    }

    public CheckpointException(string message, Exception innerException) : base(message, innerException)
    {
        Path = Problem = string.Empty;
    }

    /// <summary>The file at fault.</summary>
    public string Path { get; }

    public string Problem { get; }
}
