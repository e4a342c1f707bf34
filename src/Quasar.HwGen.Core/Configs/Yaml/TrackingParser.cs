using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Quasar.HwGen.Core.Configs.Yaml;

/// <summary>
/// A YamlDotNet parser that remembers where the last well-formed event ended. YamlDotNet 16 fails on some malformed
/// input (an unclosed <c>[</c> or <c>{</c> followed by more lines) with an InvalidOperationException that carries no
/// position; this mark is then the best place to point the user at. It also refuses nesting deeper than
/// <see cref="MaxDepth"/>: YamlDotNet builds nodes recursively, and 20,000 levels overflow the stack, which kills the
/// process with no message.
/// </summary>
internal sealed class TrackingParser(IParser inner, string source) : IParser
{
    /// <summary>Far beyond any configuration (the deepest shipped one nests 4 levels).</summary>
    public const int MaxDepth = 64;

    private int _depth;

    public ParsingEvent? Current => inner.Current;

    public Mark LastGoodEnd { get; private set; } = Mark.Empty;

    public bool MoveNext()
    {
        if (inner.Current is not null) LastGoodEnd = inner.Current.End;
        if (!inner.MoveNext()) return false;
        switch (inner.Current)
        {
            case MappingStart or SequenceStart when ++_depth > MaxDepth:
                throw new ConfigException([ReadContext.At(
                    new ConfigIssue("", $"the YAML nests deeper than {MaxDepth} levels; a configuration needs only a few"), source, inner.Current.Start)]);
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
        }
        return true;
    }
}
