using System.Globalization;
using System.Text.RegularExpressions;
using Quasar.HwGen.Hardware.Kernel;

namespace Quasar.HwGen.Vitis.Cycles;

/// <summary>Reads the <c>CYCLES key=value ...</c> lines a cycle-accounting testbench prints, one per kernel call.</summary>
public static partial class CycleLines
{
    private static readonly string[] Keys =
        ["image", "batches", "m", "n", "k", "nibble_rows", "out_bytes", "flags", "tables", "read_a", "read_w", "compute", "output", "write", "fill", "total"];

    /// <summary>Every CYCLES line of <paramref name="lines"/>, in order; a line missing a field is an error naming it.</summary>
    public static IReadOnlyList<CountedCall> Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var calls = new List<CountedCall>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (!line.StartsWith("CYCLES ", StringComparison.Ordinal)) continue;
            var fields = FieldPattern().Matches(line).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
            if (!fields.TryGetValue("layer", out var layer)) throw new FormatException($"CYCLES line without layer=: {line}");
            var v = new long[Keys.Length];
            for (int i = 0; i < Keys.Length; i++)
            {
                if (!fields.TryGetValue(Keys[i], out var text) || !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v[i]))
                    throw new FormatException($"CYCLES line without a number for {Keys[i]}=: {line}");
            }
            calls.Add(new CountedCall(layer, (int)v[0], (int)v[1], (int)v[2], (int)v[3], (int)v[4], (int)v[5], (int)v[6], (int)v[7],
                v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15]));
        }
        return calls;
    }

    /// <summary>The key a CYCLES line gives <paramref name="process"/>'s count under (<c>read_a</c>, ..., <c>write</c>).</summary>
    public static string FieldName(KernelProcess process) => process switch
    {
        KernelProcess.ReadA => "read_a",
        KernelProcess.ReadW => "read_w",
        KernelProcess.Compute => "compute",
        KernelProcess.Output => "output",
        KernelProcess.Write => "write",
        _ => throw new ArgumentOutOfRangeException(nameof(process), process, null),
    };

    [GeneratedRegex(@"(\w+)=(\S*)")]
    private static partial Regex FieldPattern();
}
