using System.Text.RegularExpressions;
using CsCheck;

namespace Quasar.HwGen.Cli.Tests.Support;

/// <summary>
/// Mutations of a valid text file (a YAML config, a JSON manifest), as a fuzzer makes them: a number set to an extreme,
/// a line dropped, doubled or swapped, the text cut short, a structural character inserted. Most results are invalid;
/// some stay valid with strange values, which is the point.
/// </summary>
internal static partial class TextMutations
{
    private static readonly string[] ExtremeNumbers =
        ["0", "-1", "1e300", "1e-300", "-1e300", ".nan", ".inf", "NaN", "Infinity", "65536", "2147483648", "-2147483649", "9223372036854775808", "0.5", "3.7"];

    private static readonly string[] Inserts = [":", "- ", "[", "]", "{", "}", "&a ", "*a", "\t", "'", "\"", ",", "..", "/", "\\u0000", "\n  "];

    public static Gen<string> Of(string text) =>
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], (kind, a, b) => Mutate(text, kind, a, b));

    /// <summary>Several mutations in a row.</summary>
    public static Gen<string> Many(string text, int most) =>
        Gen.Int[1, most].SelectMany(count => Gen.Select(Gen.Int[0, 5], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue]).Array[count]
            .Select(steps => steps.Aggregate(text, (current, step) => Mutate(current, step.Item1, step.Item2, step.Item3))));

    private static string Mutate(string text, int kind, int a, int b)
    {
        var lines = text.Split('\n').ToList();
        switch (kind)
        {
            case 0:
                var numbers = Number().Matches(text);
                if (numbers.Count == 0) return text + ExtremeNumbers[a % ExtremeNumbers.Length];
                var match = numbers[a % numbers.Count];
                return text[..match.Index] + ExtremeNumbers[b % ExtremeNumbers.Length] + text[(match.Index + match.Length)..];
            case 1:
                lines.RemoveAt(a % lines.Count);
                return string.Join('\n', lines);
            case 2:
                int line = a % lines.Count;
                lines.Insert(line, lines[line]);
                return string.Join('\n', lines);
            case 3:
                int i = a % lines.Count, j = b % lines.Count;
                (lines[i], lines[j]) = (lines[j], lines[i]);
                return string.Join('\n', lines);
            case 4:
                return text[..(a % (text.Length + 1))];
            default:
                int at = a % (text.Length + 1);
                return text[..at] + Inserts[b % Inserts.Length] + text[at..];
        }
    }

    [GeneratedRegex(@"-?\d+(\.\d+)?([eE][-+]?\d+)?")]
    private static partial Regex Number();
}
