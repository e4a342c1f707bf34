using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Quasar.HwGen.Core.Configs.Yaml;

/// <summary>
/// A YamlDotNet parser that remembers where the last well-formed event ended. YamlDotNet 16 fails on some malformed
/// input (an unclosed <c>[</c> or <c>{</c> followed by more lines) with an InvalidOperationException that carries no
/// position; this mark is then the best place to point the user at.
/// </summary>
internal sealed class TrackingParser(IParser inner) : IParser
{
    public ParsingEvent? Current => inner.Current;

    public Mark LastGoodEnd { get; private set; } = Mark.Empty;

    public bool MoveNext()
    {
        if (inner.Current is not null) LastGoodEnd = inner.Current.End;
        return inner.MoveNext();
    }
}
