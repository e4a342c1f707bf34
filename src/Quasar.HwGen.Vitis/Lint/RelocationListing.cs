namespace Quasar.HwGen.Vitis.Lint;

/// <summary>
/// Reads <c>objdump -r</c> of an object compiled with <c>-ffunction-sections -fdata-sections</c>: each function has
/// its own <c>.text.&lt;mangled&gt;</c> section, so every relocation names the function that references a symbol.
/// </summary>
public static class RelocationListing
{
    private const string Header = "RELOCATION RECORDS FOR [";

    // Longest first: .text.unlikely.foo is foo, not unlikely.foo.
    private static readonly string[] TextPrefixes = [".text.unlikely.", ".text.startup.", ".text.exit.", ".text.hot.", ".text."];

    private static readonly string[] DataPrefixes =
        [".data.rel.ro.local.", ".data.rel.ro.", ".data.rel.local.", ".data.rel.", ".rodata.", ".data.", ".bss.", ".tbss.", ".tdata."];

    /// <summary>References from functions (text sections); data sections, unwind tables and debug info are skipped.</summary>
    public static IReadOnlyList<SymbolReference> Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var references = new List<SymbolReference>();
        string? function = null;
        foreach (var line in lines)
        {
            if (line.StartsWith(Header, StringComparison.Ordinal))
            {
                var section = line[Header.Length..].TrimEnd().TrimEnd(':').TrimEnd(']');
                function = Strip(section, TextPrefixes);
                continue;
            }
            if (function is null) continue;
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length < 3 || !columns[1].StartsWith("R_", StringComparison.Ordinal)) continue;
            var target = TargetSymbol(columns[2]);
            if (target is not null) references.Add(new SymbolReference(function, target, null));
        }
        return references;
    }

    /// <summary>The function defined by a text section name, or null for other sections.</summary>
    public static string? FunctionOfSection(string section) => Strip(section, TextPrefixes);

    /// <summary>The symbol a relocation value names: "_Znwm-0x0000000000000004" is _Znwm; a section symbol is its symbol; ".rodata" is null.</summary>
    public static string? TargetSymbol(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int cut = value.IndexOfAny(['+', '-'], 1);
        var symbol = cut > 0 ? value[..cut] : value;
        if (!symbol.StartsWith('.')) return symbol;
        return Strip(symbol, TextPrefixes) ?? Strip(symbol, DataPrefixes);
    }

    private static string? Strip(string section, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (section.StartsWith(prefix, StringComparison.Ordinal) && section.Length > prefix.Length) return section[prefix.Length..];
        }
        return null;
    }
}
