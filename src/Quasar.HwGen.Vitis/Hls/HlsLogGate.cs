using System.Globalization;
using System.Text.RegularExpressions;

namespace Quasar.HwGen.Vitis.Hls;

/// <summary>
/// Decides an HLS step from its log (docs/vitis.md, "Error gating"). A step fails on a nonzero exit code, on any error
/// marker (<c>ERROR:</c>, <c>ERR:</c> of the 2024.x unified flow, <c>@E </c>, <c>CSim done with N errors</c> for N &gt; 0,
/// a cosim <c>FAIL</c>, csynth's "loop constraints were NOT satisfied"), or when the
/// success line its step must print is missing (csim: <c>CSim done with 0 errors</c>; cosim:
/// <c>*** C/RTL co-simulation finished: PASS ***</c>) — so a tool that exits 0 after a failure still fails.
/// </summary>
public static partial class HlsLogGate
{
    public const string CosimPass = "*** C/RTL co-simulation finished: PASS ***";
    public const string CosimFail = "*** C/RTL co-simulation finished: FAIL ***";

    public static HlsLogVerdict Evaluate(HlsStep step, IReadOnlyList<string> lines, int exitCode)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var problems = new List<string>();
        var evidence = lines.Where(IsEvidence).ToList();
        if (exitCode != 0) problems.Add(string.Create(CultureInfo.InvariantCulture, $"the tool exited with code {exitCode}"));
        var errors = lines.Where(IsErrorMarker).ToList();
        if (errors.Count > 0) problems.Add($"the log reports {errors.Count} error line(s), the first: {errors[0].Trim()}");
        var required = RequiredSuccessLine(step);
        if (required is not null && !lines.Any(required.IsMatch))
        {
            problems.Add($"the log lacks the {step.ToString().ToLowerInvariant()} success line (/{required}/)");
        }
        return new HlsLogVerdict(problems.Count == 0, problems, evidence);
    }

    /// <summary>A line that by itself means failure.</summary>
    public static bool IsErrorMarker(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.TrimStart();
        return text.StartsWith("ERROR:", StringComparison.Ordinal)
            || text.StartsWith("ERR:", StringComparison.Ordinal)
            || text.StartsWith("@E ", StringComparison.Ordinal)
            || text.Contains("loop constraints were NOT satisfied", StringComparison.Ordinal)
            || text.Contains(CosimFail, StringComparison.Ordinal)
            || (CsimDone().Match(text) is { Success: true } done && done.Groups[1].Value != "0");
    }

    private static bool IsEvidence(string line)
    {
        var text = line.TrimStart();
        return IsErrorMarker(line) || text.StartsWith("MISMATCH ", StringComparison.Ordinal) || text.StartsWith("STATUS ", StringComparison.Ordinal)
            || text.Contains("Simulation failed", StringComparison.Ordinal) || text.StartsWith("CRITICAL WARNING:", StringComparison.Ordinal);
    }

    private static Regex? RequiredSuccessLine(HlsStep step) => step switch
    {
        HlsStep.Csim => CsimSuccess(),
        HlsStep.Cosim => CosimSuccess(),
        _ => null,
    };

    [GeneratedRegex(@"CSim done with (\d+) errors?")]
    private static partial Regex CsimDone();

    [GeneratedRegex(@"CSim done with 0 errors")]
    private static partial Regex CsimSuccess();

    [GeneratedRegex(@"\*\*\* C/RTL co-simulation finished: PASS \*\*\*")]
    private static partial Regex CosimSuccess();
}
