using System.Globalization;

namespace Quasar.HwGen.Core.Configs;

/// <summary>
/// One problem in a configuration: the field path (<c>choices.embed_dims[1]</c>, <c>layers[3].heads</c>; empty for
/// a YAML syntax error) and what is wrong with it, including what would be accepted. Loading a file adds where the
/// problem is: the file and the 1-based line and column of the offending YAML node (0 when not from a file).
/// </summary>
public sealed record ConfigIssue(string Field, string Problem)
{
    public string? FilePath { get; init; }

    public int Line { get; init; }

    public int Column { get; init; }

    /// <summary>Compiler style: <c>file:line:column: field: problem</c>, leaving out the parts that are unknown.</summary>
    public override string ToString()
    {
        var position = Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{Line}:{Column}") : null;
        var location = (FilePath, position) switch
        {
            (null, null) => "",
            (null, _) => position + ": ",
            (_, null) => FilePath + ": ",
            _ => $"{FilePath}:{position}: ",
        };
        return location + (Field.Length > 0 ? Field + ": " : "") + Problem;
    }
}
