using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Quasar.HwGen.Cli.Errors;

/// <summary>
/// Range checks that run when the command line is parsed, before anything slow loads: a bad value is a usage error
/// (exit 2) that names the option, the value and the allowed range.
/// </summary>
internal static class OptionRules
{
    public static Option<int> InRange(this Option<int> option, int min, int max = int.MaxValue) =>
        Check(option, (int value) => value >= min && value <= max, value => Message(option.Name, Text(value), min, max));

    public static Option<int?> InRange(this Option<int?> option, int min, int max = int.MaxValue) =>
        Check(option, (int? value) => value is not int v || (v >= min && v <= max), value => Message(option.Name, Text(value!.Value), min, max));

    /// <summary>A finite number in [<paramref name="min"/>, <paramref name="max"/>]; <paramref name="exclusiveMin"/> makes it (min, max].</summary>
    public static Option<double> InRange(this Option<double> option, double min, double max, bool exclusiveMin = false) =>
        Check(option, (double value) => Fits(value, min, max, exclusiveMin), value => Message(option.Name, Text(value), min, max, exclusiveMin));

    public static Option<double?> InRange(this Option<double?> option, double min, double max, bool exclusiveMin = false) =>
        Check(option, (double? value) => value is not double v || Fits(v, min, max, exclusiveMin), value => Message(option.Name, Text(value!.Value), min, max, exclusiveMin));

    public static Option<double[]> EachInRange(this Option<double[]> option, double min, double max, bool exclusiveMin = false) =>
        Check<double[]>(option, values => (values ?? []).All(v => Fits(v, min, max, exclusiveMin)),
            values => Message(option.Name, Text(values!.First(v => !Fits(v, min, max, exclusiveMin))), min, max, exclusiveMin));

    /// <summary>An output directory option: an existing file there is refused (writing would fail half-way).</summary>
    public static Option<DirectoryInfo> OutputDirectory(this Option<DirectoryInfo> option) =>
        Check<DirectoryInfo>(option, directory => directory is null || !File.Exists(directory.FullName),
            directory => $"{option.Name} {directory!.FullName}: is a file; give a directory (new or one this verb wrote before)");

    private static Option<T> Check<T>(Option<T> option, Func<T, bool> valid, Func<T, string> message)
    {
        option.Validators.Add(result =>
        {
            if (TryGetValue(result, out T value) && !valid(value)) result.AddError(message(value));
        });
        return option;
    }

    /// <summary>False when the text does not convert: the parser reports that error itself, and a validator must not throw.</summary>
    private static bool TryGetValue<T>(OptionResult result, out T value)
    {
        try
        {
            value = result.GetValueOrDefault<T>();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default!;
            return false;
        }
    }

    private static bool Fits(double value, double min, double max, bool exclusiveMin) =>
        double.IsFinite(value) && (exclusiveMin ? value > min : value >= min) && value <= max;

    private static string Message(string name, string value, double min, double max, bool exclusiveMin = false) =>
        (exclusiveMin, max) switch
        {
            (true, double.MaxValue or int.MaxValue) => $"{name} {value}: give a number above {Text(min)}",
            (false, double.MaxValue or int.MaxValue) => $"{name} {value}: give a number of at least {Text(min)}",
            (true, _) => $"{name} {value}: give a number above {Text(min)} and at most {Text(max)}",
            _ => $"{name} {value}: give a number from {Text(min)} to {Text(max)}",
        };

    private static string Text(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
