using System.CommandLine;
using System.Globalization;

namespace Quasar.HwGen.Cli.Errors;

/// <summary>
/// Range checks that run when the command line is parsed, before anything slow loads: a bad value is a usage error
/// (exit 2) that names the option, the value and the allowed range.
/// </summary>
internal static class OptionRules
{
    public static Option<int> InRange(this Option<int> option, int min, int max = int.MaxValue)
    {
        option.Validators.Add(result =>
        {
            int value = result.GetValueOrDefault<int>();
            if (value < min || value > max) result.AddError(Message(option.Name, Text(value), min, max));
        });
        return option;
    }

    public static Option<int?> InRange(this Option<int?> option, int min, int max = int.MaxValue)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is int value && (value < min || value > max)) result.AddError(Message(option.Name, Text(value), min, max));
        });
        return option;
    }

    /// <summary>A finite number in [<paramref name="min"/>, <paramref name="max"/>]; <paramref name="exclusiveMin"/> makes it (min, max].</summary>
    public static Option<double> InRange(this Option<double> option, double min, double max, bool exclusiveMin = false)
    {
        option.Validators.Add(result =>
        {
            double value = result.GetValueOrDefault<double>();
            if (!Fits(value, min, max, exclusiveMin)) result.AddError(Message(option.Name, Text(value), min, max, exclusiveMin));
        });
        return option;
    }

    public static Option<double?> InRange(this Option<double?> option, double min, double max, bool exclusiveMin = false)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is double value && !Fits(value, min, max, exclusiveMin))
                result.AddError(Message(option.Name, Text(value), min, max, exclusiveMin));
        });
        return option;
    }

    public static Option<double[]> EachInRange(this Option<double[]> option, double min, double max, bool exclusiveMin = false)
    {
        option.Validators.Add(result =>
        {
            foreach (double value in result.GetValueOrDefault<double[]>() ?? [])
            {
                if (Fits(value, min, max, exclusiveMin)) continue;
                result.AddError(Message(option.Name, Text(value), min, max, exclusiveMin));
                return;
            }
        });
        return option;
    }

    /// <summary>An output directory option: an existing file there is refused (writing would fail half-way).</summary>
    public static Option<DirectoryInfo> OutputDirectory(this Option<DirectoryInfo> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<DirectoryInfo>() is { } directory && File.Exists(directory.FullName))
                result.AddError($"{option.Name} {directory.FullName}: is a file; give a directory (new or one this verb wrote before)");
        });
        return option;
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
