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

    /// <summary>What makes an element of the loop summary a loop, not a field (InstanceList, Slack, … of later releases).</summary>
    private static readonly string[] LoopMarkers = ["TripCount", "Latency", "IterationLatency", "PipelineII", "PipelineDepth"];

    /// <summary>Every child holding a loop's fields is a loop; nested loops nest.</summary>
    private static LoopLatency[] Loops(XElement? summary, string source) =>
        summary is null ? [] : summary.Elements().Where(e => LoopMarkers.Any(m => e.Element(m) is not null)).Select(loop => new LoopLatency(
            loop.Name.LocalName,
            Range(loop.Element("TripCount"), source),
            Range(loop.Element("Latency"), source),
            Range(loop.Element("IterationLatency"), source),
            (int?)Count(loop.Element("PipelineII"), source),
            (int?)Count(loop.Element("PipelineDepth"), source),
            Loops(loop, source))).ToArray();

    /// <summary>A count or a <c>&lt;range&gt;</c> of two (Vivado HLS and Vitis 2021.2+ write variable loops so).</summary>
    private static CountRange? Range(XElement? element, string source)
    {
        if (element?.Element("range") is not { } range) return Count(element, source);
        var (min, max) = (Count(range.Element("min"), source), Count(range.Element("max"), source));
        return min is long low && max is long high ? new CountRange(low, high) : null;
    }

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
        // Value would glue the children's text together (<min>18</min><max>27</max> reads 1827).
        if (element.HasElements) throw Bad(source, $"<{element.Name.LocalName}> holds <{element.Elements().First().Name.LocalName}>, where a count or undef is expected");
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
