using YamlDotNet.RepresentationModel;

namespace Quasar.HwGen.Core.Configs.Yaml;

/// <summary>The YAML form of a <see cref="CalibrationFile"/>; <c>format</c> and <c>version</c> tell a calibration file from any other YAML.</summary>
internal static class CalibrationYaml
{
    private const string Format = "format";
    private const string Version = "version";
    private const string Part = "part";
    private const string TopFunction = "top_function";
    private const string ToolVersions = "tool_versions";
    private const string Constants = "constants";
    private const string Name = "name";
    private const string Default = "default";
    private const string Fitted = "fitted";
    private const string Residuals = "residuals";
    private const string Report = "report";
    private const string Figure = "figure";
    private const string Model = "model";
    private const string Reported = "reported";
    private const string Percent = "percent";
    private const string NotFitted = "not_fitted";

    public static CalibrationFile Read(MappingReader root, ReadContext context)
    {
        // A foreign file (a platform, a subnet) would fail on every key: say once what it is not.
        var format = root.String(Format);
        if (format != CalibrationFile.FormatName)
        {
            var found = format.Length > 0 ? $"is '{format}'" : "is missing";
            throw new ConfigException([context.Locate(new ConfigIssue(Format,
                $"{found}: not a quasar calibration file (expected format: {CalibrationFile.FormatName}); write one with quasar calibrate"))]);
        }
        int version = root.Int(Version);
        if (version != CalibrationFile.CurrentVersion)
            context.Add(new ConfigIssue(Version, $"{version} is not a version this quasar reads ({CalibrationFile.CurrentVersion}); rerun quasar calibrate"));
        var part = root.String(Part);
        var top = root.String(TopFunction);
        var tools = root.StringList(ToolVersions);
        var constants = root.MappingList(Constants).Select(c =>
        {
            var constant = new CalibratedConstant(c.String(Name), c.Double(Default), c.Double(Fitted));
            c.RejectUnknownKeys();
            return constant;
        }).ToList();
        var residuals = root.MappingList(Residuals).Select(r =>
        {
            var residual = new CalibrationResidual(r.String(Report), r.String(Figure), r.Double(Model), r.Double(Reported));
            r.OptionalDouble(Percent); // derived, written for the reader's eye
            r.RejectUnknownKeys();
            return residual;
        }).ToList();
        var notFitted = root.StringList(NotFitted);
        root.RejectUnknownKeys();
        return new CalibrationFile(part, top, tools, constants, residuals, notFitted);
    }

    public static YamlMappingNode Write(CalibrationFile file)
    {
        var constants = new YamlSequenceNode(file.Constants.Select(c => (YamlNode)new YamlMappingNode
        {
            { Name, YamlOutput.Scalar(c.Name) },
            { Default, YamlOutput.Scalar(c.Default) },
            { Fitted, YamlOutput.Scalar(c.Fitted) },
        }));
        var residuals = new YamlSequenceNode(file.Residuals.Select(r =>
        {
            var node = new YamlMappingNode
            {
                { Report, YamlOutput.Scalar(r.Report) },
                { Figure, YamlOutput.Scalar(r.Figure) },
                { Model, YamlOutput.Scalar(r.Model) },
                { Reported, YamlOutput.Scalar(r.Reported) },
            };
            if (r.Percent is double percent) node.Add(Percent, YamlOutput.Scalar(Math.Round(percent, 4)));
            return (YamlNode)node;
        }));
        return new YamlMappingNode
        {
            { Format, YamlOutput.Scalar(CalibrationFile.FormatName) },
            { Version, YamlOutput.Scalar(CalibrationFile.CurrentVersion) },
            { Part, YamlOutput.Scalar(file.Part) },
            { TopFunction, YamlOutput.Scalar(file.TopFunction) },
            { ToolVersions, new YamlSequenceNode(file.ToolVersions.Select(v => (YamlNode)YamlOutput.Scalar(v))) },
            { Constants, constants },
            { Residuals, residuals },
            { NotFitted, new YamlSequenceNode(file.NotFitted.Select(n => (YamlNode)YamlOutput.Scalar(n))) },
        };
    }
}
