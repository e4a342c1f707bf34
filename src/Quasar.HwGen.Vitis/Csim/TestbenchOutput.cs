using System.Globalization;
using System.Text.RegularExpressions;

namespace Quasar.HwGen.Vitis.Csim;

/// <summary>
/// Reads the testbench's verdict lines (docs/hls-engine.md §3) out of a log, which may also hold compiler or Vitis lines:
/// <c>PASS &lt;n&gt;</c> (optionally followed by "calls"), <c>MISMATCH key=value ...</c>, <c>STATUS key=value ... status=&lt;n&gt;</c>.
/// </summary>
public static partial class TestbenchOutput
{
    public static TestbenchVerdict Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        int? passed = null;
        CsimMismatch? mismatch = null;
        KernelStatusReport? status = null;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (PassLine().Match(line) is { Success: true } pass)
            {
                passed = int.Parse(pass.Groups[1].Value, CultureInfo.InvariantCulture);
            }
            else if (mismatch is null && line.StartsWith("MISMATCH ", StringComparison.Ordinal))
            {
                var fields = Fields(line);
                mismatch = new CsimMismatch(Get(fields, "layer"), Get(fields, "tensor"), Get(fields, "image"), Get(fields, "index"),
                    Get(fields, "expected"), Get(fields, "got"), line);
            }
            else if (status is null && line.StartsWith("STATUS ", StringComparison.Ordinal)
                && int.TryParse(Get(Fields(line), "status"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code) && code != 0)
            {
                var fields = Fields(line);
                status = new KernelStatusReport(Get(fields, "layer"), Get(fields, "image"), code, line);
            }
        }
        return new TestbenchVerdict(passed, mismatch, status);
    }

    private static Dictionary<string, string> Fields(string line) =>
        FieldPattern().Matches(line).GroupBy(m => m.Groups[1].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Groups[2].Value, StringComparer.Ordinal);

    private static string Get(Dictionary<string, string> fields, string key) => fields.GetValueOrDefault(key, "");

    [GeneratedRegex(@"^PASS (\d+)(?: calls?)?$")]
    private static partial Regex PassLine();

    [GeneratedRegex(@"(\w+)=(\S*)")]
    private static partial Regex FieldPattern();
}
