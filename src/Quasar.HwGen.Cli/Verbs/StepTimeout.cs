using System.CommandLine;
using System.Globalization;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>The --timeout-hours option of the verbs that run a long Vitis step.</summary>
internal static class StepTimeout
{
    public static Option<double?> Option(string why)
    {
        var option = new Option<double?>("--timeout-hours") { Description = $"Kill the tool after this many hours (default: no limit; {why})" };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is double hours && !(hours > 0)) result.AddError($"--timeout-hours {hours.ToString(CultureInfo.InvariantCulture)}: give a positive number of hours");
        });
        return option;
    }

    public static TimeSpan? Value(ParseResult parse, Option<double?> option) => parse.GetValue(option) is double hours ? TimeSpan.FromHours(hours) : null;
}
