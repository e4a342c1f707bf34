using System.Globalization;
using System.Text.RegularExpressions;

namespace Quasar.HwGen.Vitis.Reports;

/// <summary>Reads cosim's <c>lat.rpt</c>; a file without a single <c>$KEY = "value"</c> line is not one.</summary>
public static partial class LatencyReportParser
{
    public static LatencyReport Load(string path) => Parse(File.ReadAllLines(path), path);

    public static LatencyReport Parse(IEnumerable<string> lines, string source)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (Entry().Match(line) is not { Success: true } match) continue;
            var text = match.Groups["value"].Value;
            values[match.Groups["key"].Value] = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value)
                ? value
                : throw new InvalidDataException($"{source}: ${match.Groups["key"].Value} is '{text}', not a cycle count");
        }
        if (values.Count == 0) throw new InvalidDataException($"{source}: no $KEY = \"value\" lines: not a cosim lat.rpt");
        long? Get(string key) => values.TryGetValue(key, out long value) ? value : null;
        return new LatencyReport(Get("MIN_LATENCY"), Get("AVER_LATENCY"), Get("MAX_LATENCY"), Get("MIN_THROUGHPUT"), Get("AVER_THROUGHPUT"), Get("MAX_THROUGHPUT"));
    }

    [GeneratedRegex(@"^\s*\$(?<key>[A-Z_]+)\s*=\s*""(?<value>[^""]*)""\s*$")]
    private static partial Regex Entry();
}
