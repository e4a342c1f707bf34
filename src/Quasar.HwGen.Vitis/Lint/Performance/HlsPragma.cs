namespace Quasar.HwGen.Vitis.Lint.Performance;

/// <summary>
/// A <c>#pragma HLS</c> line: its directive (upper case) and its options, <c>key=value</c> (keys lower case) or bare words.
/// Spaces around '=' are allowed, as clang-format writes them.
/// </summary>
public sealed record HlsPragma(string Directive, IReadOnlyDictionary<string, string> Options, IReadOnlyList<string> Words, CppToken Token)
{
    public bool IsHls => Directive.Length > 0;

    public string? this[string key] => Options.GetValueOrDefault(key);

    public bool HasWord(string word) => Words.Any(w => w.Equals(word, StringComparison.OrdinalIgnoreCase));

    public static HlsPragma Parse(CppToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var text = System.Text.RegularExpressions.Regex.Replace(token.Text, @"\s*=\s*", "=");
        var parts = text.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !parts[0].Equals("HLS", StringComparison.OrdinalIgnoreCase))
            return new HlsPragma("", new Dictionary<string, string>(), [], token);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var words = new List<string>();
        foreach (var part in parts.Skip(2))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0) options.TryAdd(part[..equals].ToLowerInvariant(), part[(equals + 1)..]);
            else words.Add(part);
        }
        return new HlsPragma(parts[1].ToUpperInvariant(), options, words, token);
    }
}
