namespace Quasar.HwGen.Vitis.Reports;

/// <summary>
/// Picks the top function's csynth report in a report folder, where Vitis HLS writes one <c>*_csynth.xml</c> per
/// module besides <c>csynth.xml</c>: the report whose <c>TopModelName</c> is the top function, <c>&lt;top&gt;_csynth.xml</c>
/// first. When no XML file of the folder is the top's readable report, the text report <c>&lt;top&gt;_csynth.rpt</c> is
/// read instead (<see cref="CsynthTextReportParser"/>: no loop summary). A folder with neither is an
/// <see cref="InvalidDataException"/> naming the folder, both files and the tops it found.
/// </summary>
public static class CsynthReportLocator
{
    public static CsynthReport FindTop(string reportDirectory, string topFunction)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topFunction);
        if (!Directory.Exists(reportDirectory))
            throw new DirectoryNotFoundException($"{reportDirectory}: no csynth report folder; run the synthesis first");
        string xmlName = $"{topFunction}_csynth.xml", textName = $"{topFunction}_csynth.rpt";
        var candidates = Directory.GetFiles(reportDirectory, "*.xml")
            .OrderBy(path => Path.GetFileName(path) == xmlName ? 0 : Path.GetFileName(path) == "csynth.xml" ? 1 : 2)
            .ThenBy(path => path, StringComparer.Ordinal)
            .ToList();
        var tops = new List<string>();
        string xmlState = $"{xmlName} is missing";
        foreach (var path in candidates)
        {
            CsynthReport report;
            try
            {
                report = CsynthReportParser.Load(path);
            }
            catch (InvalidDataException e)
            {
                if (Path.GetFileName(path) == xmlName) xmlState = $"{xmlName} is unreadable ({e.Message})";
                continue; // another XML file of the folder
            }
            if (report.TopModel == topFunction) return report;
            tops.Add(report.TopModel);
        }
        var text = Path.Combine(reportDirectory, textName);
        if (File.Exists(text))
        {
            var report = CsynthTextReportParser.Load(text);
            return report.TopModel == topFunction
                ? report
                : throw new InvalidDataException($"{text}: the report of '{report.TopModel}', not of the top function '{topFunction}'");
        }
        throw new InvalidDataException(tops.Count == 0
            ? $"{reportDirectory}: holds no csynth report of '{topFunction}': {xmlState} and {textName} is missing; run the synthesis first"
            : $"{reportDirectory}: no csynth report of the top function '{topFunction}': {xmlState} and {textName} is missing (reports of: {string.Join(", ", tops.Distinct().Order(StringComparer.Ordinal))}); synthesize the project's top");
    }
}
