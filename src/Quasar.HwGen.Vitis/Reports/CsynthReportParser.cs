using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Quasar.HwGen.Vitis.Reports;

/// <summary>
/// Reads csynth.xml of Vivado HLS and Vitis HLS (root <c>&lt;profile&gt;</c>). Missing required parts (a truncated or
/// foreign file) are an <see cref="InvalidDataException"/> naming the file and the missing element.
/// </summary>
public static class CsynthReportParser
{
    private const string Undefined = "undef";

    public static CsynthReport Load(string path)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(path);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"{path} is not a csynth report: not well-formed XML ({e.Message})", e);
        }
        return Parse(document, path);
    }

    public static CsynthReport Parse(XDocument document, string source)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = document.Root;
        if (root?.Name.LocalName != "profile") throw new InvalidDataException($"{source} is not a csynth report: the root is <{root?.Name.LocalName}>, not <profile>");
        var user = Required(root, "UserAssignments", source);
        var performance = Required(root, "PerformanceEstimates", source);
        var overall = Required(performance, "SummaryOfOverallLatency", source);
        var area = Required(root, "AreaEstimates", source);
        return new CsynthReport(
            root.Element("ReportVersion")?.Element("Version")?.Value.Trim(),
            Required(user, "Part", source).Value.Trim(),
            Required(user, "TopModelName", source).Value.Trim(),
            Number(Required(user, "TargetClockPeriod", source), source) ?? throw Bad(source, "TargetClockPeriod is undef"),
            Number(user.Element("ClockUncertainty"), source),
            user.Element("FlowTarget")?.Value.Trim(),
            Number(performance.Element("SummaryOfTimingAnalysis")?.Element("EstimatedClockPeriod"), source),
            Count(overall.Element("Best-caseLatency"), source),
            Count(overall.Element("Average-caseLatency"), source),
            Count(overall.Element("Worst-caseLatency"), source),
            Count(overall.Element("Interval-min"), source),
            Count(overall.Element("Interval-max"), source),
            Loops(performance.Element("SummaryOfLoopLatency"), source),
            Resources(Required(area, "Resources", source), source),
            area.Element("AvailableResources") is { } available ? Resources(available, source) : null);
    }

    private static readonly HashSet<string> LoopFields = new(StringComparer.Ordinal)
    {
        "TripCount", "Latency", "AbsoluteTimeLatency", "IterationLatency", "PipelineII", "PipelineDepth", "unit",
        "min", "max", "range",
    };

    /// <summary>Every child that is not a field is a loop; nested loops nest.</summary>
    private static LoopLatency[] Loops(XElement? summary, string source) =>
        summary is null ? [] : summary.Elements().Where(e => !LoopFields.Contains(e.Name.LocalName)).Select(loop => new LoopLatency(
            loop.Name.LocalName,
            Count(loop.Element("TripCount"), source),
            Count(loop.Element("Latency"), source),
            Count(loop.Element("IterationLatency"), source),
            (int?)Count(loop.Element("PipelineII"), source),
            (int?)Count(loop.Element("PipelineDepth"), source),
            Loops(loop, source))).ToArray();

    private static ResourceUsage Resources(XElement element, string source)
    {
        int Get(params string[] names) =>
            (int?)names.Select(n => element.Element(n)).OfType<XElement>().Select(e => Count(e, source)).FirstOrDefault()
            ?? throw Bad(source, $"<{element.Name.LocalName}> lacks <{string.Join("> or <", names)}>");
        return new ResourceUsage(Get("BRAM_18K"), Get("DSP", "DSP48E"), Get("FF"), Get("LUT"), element.Element("URAM") is null ? 0 : Get("URAM"));
    }

    private static XElement Required(XElement parent, string name, string source) =>
        parent.Element(name) ?? throw Bad(source, $"<{parent.Name.LocalName}> lacks <{name}> (truncated or not a csynth report?)");

    private static long? Count(XElement? element, string source)
    {
        if (element is null) return null;
        var text = element.Value.Trim();
        if (text == Undefined) return null;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value : throw Bad(source, $"<{element.Name.LocalName}> is '{text}', not a count or undef");
    }

    private static double? Number(XElement? element, string source)
    {
        if (element is null) return null;
        var text = element.Value.Trim();
        if (text == Undefined) return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value : throw Bad(source, $"<{element.Name.LocalName}> is '{text}', not a number or undef");
    }

    private static InvalidDataException Bad(string source, string what) => new($"{source}: {what}");
}
