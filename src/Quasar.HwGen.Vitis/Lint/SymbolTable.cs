namespace Quasar.HwGen.Vitis.Lint;

/// <summary>
/// Reads the function symbols of <c>objdump -t</c> and maps each to the function owning its text section: g++ emits
/// the complete-object constructor C1 as an alias of the base-object C2 (same for destructors), so a call to C1 must
/// be followed into the section of C2.
/// </summary>
public static class SymbolTable
{
    private const int AddressWidth = 16;
    private const int FlagsWidth = 7;

    /// <summary>Function symbol → the function its section defines (itself unless it is an alias).</summary>
    public static IReadOnlyDictionary<string, string> FunctionAliases(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            // "0000000000000000  w    F .text._ZN1SC2Ev\t0000000000000021 _ZN1SC1Ev"
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < AddressWidth + FlagsWidth + 2 || line[AddressWidth] != ' ') continue;
            var flags = line.Substring(AddressWidth + 1, FlagsWidth);
            if (flags[6] != 'F') continue;
            var section = line[(AddressWidth + FlagsWidth + 2)..tab].Trim();
            var sizeAndName = line[(tab + 1)..].Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            if (sizeAndName.Length < 2) continue;
            var name = sizeAndName[1].Trim();
            aliases[name] = RelocationListing.FunctionOfSection(section) ?? name;
        }
        return aliases;
    }
}
