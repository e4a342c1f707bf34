using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Quasar.HwGen.Core.Configs.Yaml;

/// <summary>Parses a configuration file into its single top-level YAML mapping, or fails with the syntax error's position.</summary>
internal static class RootParser
{
    public static YamlMappingNode Parse(string yaml, string source)
    {
        var parser = new TrackingParser(new Parser(new StringReader(yaml)), source);
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw Fail(source, e.Start, $"malformed YAML: {e.Message}");
        }
        // YamlDotNet's representation model reports some malformed streams (e.g. an alias right after a flow sequence,
        // `[4, 5]*a`) as an ArgumentException or InvalidOperationException, not as a YamlException.
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw Fail(source, parser.LastGoodEnd,
                "malformed YAML: the parser cannot continue after this point; is a '[' or '{' left unclosed?");
        }

        if (stream.Documents.Count == 0)
            throw Fail(source, new Mark(0, 1, 1), "the file holds no YAML document; expected a mapping of keys to values");
        if (stream.Documents.Count > 1)
            throw Fail(source, stream.Documents[1].RootNode.Start,
                $"the file holds {stream.Documents.Count} YAML documents (separated by '---'); keep exactly one");
        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode mapping)
            throw Fail(source, root.Start, $"the top level must be a mapping of keys to values, found {MappingReader.Describe(root)}");
        return mapping;
    }

    private static ConfigException Fail(string source, Mark mark, string problem) =>
        new([ReadContext.At(new ConfigIssue("", problem), source, mark)]);
}
