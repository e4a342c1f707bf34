namespace Quasar.HwGen.Vitis.Reports;

/// <summary>
/// Picks the top function's csynth report in a report folder, where Vitis HLS writes one <c>*_csynth.xml</c> per
/// module besides <c>csynth.xml</c>: the report whose <c>TopModelName</c> is the top function, <c>&lt;top&gt;_csynth.xml</c>
/// first. A folder without one is an <see cref="InvalidDataException"/> naming the tops it found.
/// </summary>
public static class CsynthReportLocator
{
    public static CsynthReport FindTop(string reportDirectory, string topFunction)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topFunction);
        if (!Directory.Exists(reportDirectory))
            throw new DirectoryNotFoundException($"{reportDirectory}: no csynth report folder; run the synthesis first");
        var candidates = Directory.GetFiles(reportDirectory, "*.xml")
            .OrderBy(path => Path.GetFileName(path) == $"{topFunction}_csynth.xml" ? 0 : Path.GetFileName(path) == "csynth.xml" ? 1 : 2)
            .ThenBy(path => path, StringComparer.Ordinal)
            .ToList();
        var tops = new List<string>();
        foreach (var path in candidates)
        {
            CsynthReport report;
            try
            {
                report = CsynthReportParser.Load(path);
            }
            catch (InvalidDataException)
            {
                continue; // another XML file of the folder
            }
            if (report.TopModel == topFunction) return report;
            tops.Add(report.TopModel);
        }
        throw new InvalidDataException(tops.Count == 0
            ? $"{reportDirectory}: holds no csynth report; run the synthesis first"
            : $"{reportDirectory}: no csynth report of the top function '{topFunction}' (reports of: {string.Join(", ", tops.Distinct().Order(StringComparer.Ordinal))}); synthesize the project's top");
    }
}
