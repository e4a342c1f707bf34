namespace Quasar.HwGen.Core.Data;

/// <summary>A file that is not a well-formed IDX file; the message names the file and the defect.</summary>
public sealed class IdxFormatException : IOException
{
    public IdxFormatException(string path, string problem)
        : base($"{path}: {problem}")
    {
        FilePath = path;
        Problem = problem;
    }

    public string FilePath { get; }

    public string Problem { get; }
}
