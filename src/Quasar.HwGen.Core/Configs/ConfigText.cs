using System.Globalization;

namespace Quasar.HwGen.Core.Configs;

/// <summary>How numbers and choice sets read in messages: invariant culture, shortest round-trip form.</summary>
internal static class ConfigText
{
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>{3, 4}</c>.</summary>
    public static string Set(IEnumerable<int> values) => "{" + string.Join(", ", values.Select(Number)) + "}";

    /// <summary><c>{0, 0.25, 0.5}</c>.</summary>
    public static string Set(IEnumerable<double> values) => "{" + string.Join(", ", values.Select(Number)) + "}";

    public static string List(IEnumerable<int> values) => "[" + string.Join(", ", values.Select(Number)) + "]";
}
