using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Quasar.HwGen.Core.Configs.Yaml;

/// <summary>
/// Builds the YAML text the writer saves: scalars in the invariant culture with doubles in round-trip form, short
/// lists of numbers in flow style (<c>[64, 80, 96]</c>), and leading <c>#</c> comment lines.
/// </summary>
internal static class YamlOutput
{
    public static YamlScalarNode Scalar(int value) => new(value.ToString(CultureInfo.InvariantCulture)) { Style = ScalarStyle.Plain };

    /// <summary>A double that reads back to the same bits, spelt as a float (<c>4.0</c>, <c>0.25</c>).</summary>
    public static YamlScalarNode Scalar(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "YAML configurations hold finite numbers only");
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (!text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal)) text += ".0";
        return new YamlScalarNode(text) { Style = ScalarStyle.Plain };
    }

    /// <summary>A string, quoted when plain YAML would read it as something else (null, a number, a boolean).</summary>
    public static YamlScalarNode Scalar(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        bool ambiguous = value.Length == 0 || value is "~" or "null" or "Null" or "NULL" or "true" or "false"
            || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        return new YamlScalarNode(value) { Style = ambiguous ? ScalarStyle.DoubleQuoted : ScalarStyle.Any };
    }

    public static YamlSequenceNode Flow(IEnumerable<int> values) => new(values.Select(Scalar)) { Style = SequenceStyle.Flow };

    public static YamlSequenceNode Flow(IEnumerable<double> values) => new(values.Select(Scalar)) { Style = SequenceStyle.Flow };

    public static string Write(YamlMappingNode root, IEnumerable<string> comments)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(text, new EmitterSettings().WithIndentedSequences().WithNewLine("\n"));
        emitter.Emit(new StreamStart());
        foreach (var comment in comments) emitter.Emit(new Comment(comment, false));
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Emit(IEmitter emitter, YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                emitter.Emit(new YamlDotNet.Core.Events.Scalar(AnchorName.Empty, TagName.Empty, scalar.Value ?? "", scalar.Style,
                    isPlainImplicit: true, isQuotedImplicit: true));
                break;
            case YamlSequenceNode sequence:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, sequence.Style));
                foreach (var child in sequence.Children) Emit(emitter, child);
                emitter.Emit(new SequenceEnd());
                break;
            case YamlMappingNode mapping:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, mapping.Style));
                foreach (var (key, value) in mapping.Children)
                {
                    Emit(emitter, key);
                    Emit(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
            default:
                throw new ArgumentException($"cannot write a {node.GetType().Name}", nameof(node));
        }
    }
}
