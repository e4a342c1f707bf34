using System.Text.RegularExpressions;

namespace Quasar.HwGen.Core.Configs;

/// <summary>Checks shared by the validation rules of every configuration type; each adds issues to a list.</summary>
internal static partial class ConfigRules
{
    public static void Name(List<ConfigIssue> issues, string field, string name)
    {
        if (!NamePattern().IsMatch(name))
            issues.Add(new(field, $"'{name}' is not a valid name; use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit"));
    }

    public static void Positive(List<ConfigIssue> issues, string field, int value, string what)
    {
        if (value <= 0) issues.Add(new(field, $"{value} must be a positive {what}"));
    }

    public static void Positive(List<ConfigIssue> issues, string field, double value, string what)
    {
        if (!double.IsFinite(value)) issues.Add(NotFinite(field, value));
        else if (value <= 0) issues.Add(new(field, $"{ConfigText.Number(value)} must be a positive {what}"));
    }

    /// <summary>A count in [<paramref name="min"/>, <paramref name="max"/>]; below a minimum of 1 it reads as "must be positive".</summary>
    public static void InRange(List<ConfigIssue> issues, string field, int value, int min, int max, string what)
    {
        if (value < min && min == 1) issues.Add(new(field, $"{value} must be a positive {what}"));
        else if (value < min && min == 0) issues.Add(new(field, $"{value} must be a {what} of at least 0"));
        else if (value < min) issues.Add(new(field, $"{value} is too small; the smallest supported {what} is {ConfigText.Number(min)}"));
        else if (value > max) issues.Add(new(field, $"{value} is too large; the largest supported {what} is {ConfigText.Number(max)}"));
    }

    /// <summary>A finite number in [<paramref name="min"/>, <paramref name="max"/>]; <paramref name="unit"/> follows the limit in the message.</summary>
    public static void InRange(List<ConfigIssue> issues, string field, double value, double min, double max, string what, string unit = "")
    {
        var suffix = unit.Length > 0 ? " " + unit : "";
        if (!double.IsFinite(value)) issues.Add(NotFinite(field, value));
        else if (value < min) issues.Add(new(field, $"{ConfigText.Number(value)} is too small; the smallest supported {what} is {ConfigText.Number(min)}{suffix}"));
        else if (value > max) issues.Add(new(field, $"{ConfigText.Number(value)} is too large; the largest supported {what} is {ConfigText.Number(max)}{suffix}"));
    }

    public static void NotNegative(List<ConfigIssue> issues, string field, int value, string what)
    {
        if (value < 0) issues.Add(new(field, $"{value} must be a {what} of at least 0"));
    }

    public static void Fraction(List<ConfigIssue> issues, string field, double value, string meaning)
    {
        if (!double.IsFinite(value)) issues.Add(NotFinite(field, value));
        else if (value is < 0 or > 1) issues.Add(new(field, $"{ConfigText.Number(value)} is outside [0, 1]; {meaning}"));
    }

    public static void NonEmpty<T>(List<ConfigIssue> issues, string field, IReadOnlyList<T> values)
    {
        if (values.Count == 0) issues.Add(new(field, "is empty; list at least one choice"));
    }

    public static void Distinct<T>(List<ConfigIssue> issues, string field, IReadOnlyList<T> values, Func<T, string> format)
    {
        for (int i = 0; i < values.Count; i++)
        {
            int first = IndexOf(values, values[i]);
            if (first < i) issues.Add(new(ConfigPath.Element(field, i), $"{format(values[i])} is listed twice (also at [{first}]); list each choice once"));
        }
    }

    public static void OneOf(List<ConfigIssue> issues, string field, int value, IReadOnlyList<int> choices)
    {
        if (!choices.Contains(value)) issues.Add(new(field, $"{value} is not one of the search space's choices {ConfigText.Set(choices)}"));
    }

    public static void OneOf(List<ConfigIssue> issues, string field, double value, IReadOnlyList<double> choices)
    {
        if (!choices.Contains(value)) issues.Add(new(field, $"{ConfigText.Number(value)} is not one of the search space's choices {ConfigText.Set(choices)}"));
    }

    private static ConfigIssue NotFinite(string field, double value) =>
        new(field, $"{ConfigText.Number(value)} is not a finite number; give a number");

    private static int IndexOf<T>(IReadOnlyList<T> values, T value)
    {
        for (int i = 0; i < values.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(values[i], value)) return i;
        }
        return -1;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex NamePattern();
}
